package org.resetdesk.ui.screen;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.ui.AftercareService;
import org.resetdesk.ui.SecretDocument;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * After the new password is set: staff type it once more (masked), tick what the customer agreed to (overwrite on,
 * old Hik-Connect account removed), and the kiosk runs aftercare over the recorder's HTTP API off the event thread.
 * The results are shown in plain words ({@link AftercareResults}); a wrong password stops the run and shows the tries
 * left or the lock time. Nothing is retried automatically; a "reboot required" answer is shown, never acted on.
 */
public final class AftercareScreen extends ScreenBase {
    private final JPasswordField password = new JPasswordField(new SecretDocument(), null, 18);
    private final JCheckBox overwrite = new JCheckBox();
    private final JCheckBox unbind = new JCheckBox();
    private final JLabel problem = new JLabel(" ");
    private final AftercareResults results = new AftercareResults();
    private final JButton run;
    private final JButton guid = Ui.button("aftercare.guid", "aftercare.guidButton", "kioskSecondary");
    private final JComboBox<Path> stick = new JComboBox<>();
    private final JLabel guidResult = new JLabel(" ");
    private final JButton next;

    public AftercareScreen(Session session) {
        super(session, "aftercare", "aftercare.title");
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[38%, fill][62%, fill]", "[grow, fill]"));
        JPanel left = new JPanel(new MigLayout("insets 18, wrap 1, gap 8", "[grow, fill]"));
        Ui.style(left, "card");
        left.add(Ui.label("aftercare.passwordLabel", "h3"));
        left.add(Ui.wrapping(msg("aftercare.passwordHint"), "muted"), "wmin 0");
        password.setName("aftercare.password");
        password.putClientProperty("JTextField.placeholderText", msg("aftercare.passwordPlaceholder"));
        password.putClientProperty("FlatLaf.style", "showRevealButton: true; font: +4");
        left.add(password, "h 52!");
        left.add(Ui.label("aftercare.consent", "h3"), "gaptop 14");
        for (JCheckBox c : new JCheckBox[] {overwrite, unbind}) {
            String key = c == overwrite ? "aftercare.overwriteConsent" : "aftercare.unbindConsent";
            c.setName(c == overwrite ? "aftercare.overwrite" : "aftercare.unbind");
            c.setText(msg(key));
            c.setOpaque(false);
            c.putClientProperty("FlatLaf.style", "font: +3");
            left.add(c, "wmin 0, gaptop 4");
            left.add(Ui.wrapping(msg(key + "Why"), "muted"), "wmin 0, gapleft 30");
        }
        left.add(Ui.wrapping(msg("aftercare.consentNote"), "small"), "wmin 0, gaptop 4");
        left.add(Ui.label("aftercare.guidTitle", "h3"), "gaptop 14");
        left.add(Ui.wrapping(msg("aftercare.guidHint"), "muted"), "wmin 0");
        stick.setName("aftercare.stick");
        left.add(stick, "wmin 0, h 40!, hidemode 3");
        guid.addActionListener(e -> onGuid());
        left.add(guid, "h 52!");
        guidResult.setName("aftercare.guidResult");
        left.add(guidResult, "wmin 0");
        problem.setName("aftercare.problem");
        Ui.style(problem, "bad");
        left.add(problem, "wmin 0, gaptop 10");
        body.add(left);
        Ui.style(results, "card");
        results.setName("aftercare.results");
        body.add(results);
        back("aftercare.back", () -> session.show("done"));
        run = action("aftercare.run", "aftercare.runButton", false, this::onRun);
        next = action("aftercare.next", "aftercare.nextButton", true, () -> session.show("done"));
    }

    @Override
    public void onShow() {
        Job job = session.job();
        AftercareService svc = session.ctx().services().aftercare();
        problem.setText(" ");
        password.setText("");
        overwrite.setSelected(true);
        unbind.setSelected(true);
        AftercareReport last = session.aftercare();
        results.show(last != null && job != null && last.jobId().equals(job.id()) ? last : null);
        boolean ready = svc != null && job != null && (job.state() == JobState.PASSWORD_SET
                || job.state() == JobState.AFTERCARE);
        run.setEnabled(ready);
        showGuid(svc, job, ready);
        lead(msg(svc == null ? "aftercare.notWired" : ready ? "aftercare.lead" : "aftercare.notReady"));
    }

    @Override
    public void onHide() {
        password.setText("");
    }

    @Override
    public JComponent firstFocus() {
        return password;
    }

    private void onRun() {
        Ui.assertEdt();
        Job job = session.job();
        char[] pw = password.getPassword();
        if (pw.length == 0) {
            problem.setText(msg("aftercare.noPassword"));
            return;
        }
        password.setText("");
        problem.setText(" ");
        run.setEnabled(false);
        next.setEnabled(false);
        lead(msg("aftercare.running"));
        Aftercare.Options options = new Aftercare.Options(overwrite.isSelected(), unbind.isSelected(), null);
        java.util.concurrent.CompletableFuture<AftercareReport> f;
        try {
            f = session.ctx().services().aftercare().run(job, pw, options);
        } finally {
            Arrays.fill(pw, '\0');
        }
        f.whenCompleteAsync((report, err) -> {
            next.setEnabled(true);
            if (err != null) {
                run.setEnabled(true);
                lead(msg("aftercare.lead"));
                problem.setText(Ui.html(Ui.describe(err)));
                return;
            }
            session.aftercare(report);
            results.show(report);
            if (!report.verified()) {
                run.setEnabled(report.mayRetry());
                problem.setText(Ui.html(wrongPassword(report)));
                lead(msg("aftercare.lead"));
            } else {
                lead(msg("aftercare.leadDone"));
            }
            session.jobs().find(job.id()).whenCompleteAsync((j, e2) -> {
                if (j != null && session.job() != null && session.job().id().equals(j.id())) {
                    session.job(j);
                }
            }, org.resetdesk.ui.Ui.EDT);
        }, Ui.EDT);
    }

    private void showGuid(AftercareService svc, Job job, boolean ready) {
        List<Path> bases = session.settings().replyRoots();
        java.util.concurrent.CompletableFuture.supplyAsync(() -> org.resetdesk.ui.UsbSticks.writable(bases),
                session.ctx().io()).whenCompleteAsync((roots, err) -> showSticks(svc, job, ready,
                        roots == null ? List.of() : roots), Ui.EDT);
    }

    private void showSticks(AftercareService svc, Job job, boolean ready, List<Path> roots) {
        stick.removeAllItems();
        roots.forEach(stick::addItem);
        stick.setVisible(roots.size() > 1);
        boolean offered = ready && svc.savesGuid() && job.device() != null
                && job.device().resetMethods().contains(ResetMethod.GUID_FILE);
        guid.setEnabled(offered && !roots.isEmpty());
        guidResult.setToolTipText(null);
        guidResult.setText(!offered ? msg("aftercare.guidNotOffered") : roots.isEmpty() ? msg("aftercare.guidNoStick")
                : " ");
    }

    /** Exports the GUID with the password in the field and writes it to the chosen stick, off the event thread. */
    private void onGuid() {
        Ui.assertEdt();
        Job job = session.job();
        Path root = (Path) stick.getSelectedItem();
        char[] pw = password.getPassword();
        if (pw.length == 0 || root == null) {
            problem.setText(msg("aftercare.noPassword"));
            Arrays.fill(pw, '\0');
            return;
        }
        password.setText("");
        problem.setText(" ");
        guid.setEnabled(false);
        guidResult.setText(msg("aftercare.guidRunning"));
        CompletableFuture<AftercareService.GuidSaved> f;
        try {
            f = session.ctx().services().aftercare().saveGuid(job, pw, root);
        } finally {
            Arrays.fill(pw, '\0');
        }
        f.whenCompleteAsync((saved, err) -> {
            if (err != null) {
                guid.setEnabled(true);
                guidResult.setText(" ");
                problem.setText(Ui.html(Ui.describe(err)));
            } else if (saved.saved()) {
                String name = saved.file().getFileName().toString();
                guidResult.setText(Ui.html(fmt("aftercare.guidSaved", name.substring(Math.max(0, name.length() - 24)),
                        root.getFileName() == null ? root : root.getFileName())));
                guidResult.setToolTipText(saved.file().toString());
            } else {
                DeviceOutcome o = saved.outcome();
                boolean locked = o.kind() == DeviceOutcome.Kind.LOCKED;
                guid.setEnabled(!locked && (o.retriesLeft() == null || o.retriesLeft() > 1));
                guidResult.setText(" ");
                problem.setText(Ui.html(locked ? fmt("aftercare.locked", o.lockedMinutes() == null ? "?" : o.lockedMinutes())
                        : o.kind() == DeviceOutcome.Kind.PASSWORD_ERROR && o.retriesLeft() != null
                        ? fmt(o.retriesLeft() > 1 ? "aftercare.wrongPassword" : "aftercare.wrongPasswordStop",
                                o.retriesLeft())
                        : fmt("aftercare.guidFailed", o.kind() + (o.rawResult() == null ? "" : " (" + o.rawResult() + ")"))));
            }
            JLabel shown = saved != null && saved.saved() ? guidResult : problem;
            shown.scrollRectToVisible(new java.awt.Rectangle(0, 0, shown.getWidth(), shown.getHeight()));
        }, Ui.EDT);
    }

    private String wrongPassword(AftercareReport r) {
        if (r.unlockSeconds() != null && r.unlockSeconds() > 0) {
            return fmt("aftercare.locked", Math.max(1, (r.unlockSeconds() + 59) / 60));
        }
        if (r.retriesLeft() != null) {
            return fmt(r.mayRetry() ? "aftercare.wrongPassword" : "aftercare.wrongPasswordStop", r.retriesLeft());
        }
        return fmt("aftercare.notVerified", r.verifyOutcome());
    }
}
