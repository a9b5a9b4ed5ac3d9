package org.resetdesk.ui.screen;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Step 8: the outcome, the aftercare (its results, or the way to the aftercare screen), the hand-back receipt and a
 * summary of the job; closing hands the recorder back.
 */
public final class DoneScreen extends ScreenBase {
    private static final String[] AFTERCARE = {"email", "disk", "cloud", "guid"};
    private final JPanel care = new JPanel(new MigLayout("insets 16, wrap 2, gap 12 8, hidemode 3", "[][grow, fill]"));
    private final PaperworkPanel paper;
    private final JButton aftercare;
    private final JPanel result = new JPanel(new MigLayout("insets 14 18 14 18, gap 14", "[][grow, fill]"));
    private final JPanel summary = new JPanel(new MigLayout("insets 16, wrap 2, gap 14 6", "[][grow, fill]"));
    private final JButton close;

    public DoneScreen(Session session) {
        super(session, "done", "done.title");
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[50%, fill][50%, fill]", "[][grow, fill]"));
        result.setName("done.result");
        body.add(result, "span 2, growx, wrap");
        Ui.style(care, "card");
        care.setName("done.care");
        body.add(care);
        paper = new PaperworkPanel(session, "done", false, org.resetdesk.ui.PaperworkService.Receipt.HANDBACK, null);
        Ui.style(summary, "card");
        summary.setName("done.summary");
        body.add(summary);
        back("done.back", () -> session.show("board"));
        aftercare = action("done.aftercare", "done.aftercareButton", false, () -> session.show("aftercare"));
        aftercare.setIcon(Icons.sized(Icons.SHIELD, 22));
        close = action("done.close", "done.closeButton", true, this::onClose);
    }

    @Override
    public void onShow() {
        Job job = session.job();
        if (job == null) {
            return;
        }
        boolean success = job.state() == JobState.PASSWORD_SET || job.state() == JobState.AFTERCARE
                || job.state() == JobState.CLOSED && job.attempt() != null && job.attempt().succeeded();
        boolean closedNow = !job.isOpen();
        result.removeAll();
        Ui.style(result, success ? "okBox" : "warnBox");
        result.add(new JLabel(Icons.sized(success ? Icons.DONE : Icons.INFO, 40)));
        JLabel t = new JLabel(msg(success ? "done.success" : "done.state." + (closedNow ? job.state() : "OPEN")));
        t.setName("done.resultText");
        Ui.style(t, "h2");
        result.add(t);
        lead(msg(success ? "done.lead" : "done.leadOther"));
        fillSummary(job);
        fillCare(job);
        close.setVisible(job.isOpen() && (job.state() == JobState.PASSWORD_SET || job.state() == JobState.AFTERCARE));
        revalidate();
        repaint();
    }

    private void fillCare(Job job) {
        care.removeAll();
        care.add(Ui.label("done.aftercare", "h3"), "span 2");
        boolean wired = session.ctx().services().aftercare() != null;
        var report = session.aftercare();
        boolean afterReset = job.state() == JobState.PASSWORD_SET || job.state() == JobState.AFTERCARE
                || job.state() == JobState.CLOSED;
        if (report != null && report.jobId().equals(job.id())) {
            JLabel l = Ui.wrapping(fmt("done.aftercareDone", msg(report.verified() ? "done.aftercareVerified"
                    : "done.aftercareNotVerified")), report.verified() ? "ok" : "warn");
            l.setName("done.aftercareState");
            care.add(new JLabel(Icons.sized(report.verified() ? Icons.CHECK : Icons.WARNING, 22)), "aligny top");
            care.add(l, "wmin 0");
            for (String a : report.advice()) {
                care.add(new JLabel(Icons.sized(Icons.INFO, 20)), "aligny top");
                care.add(Ui.wrapping(a, "muted"), "wmin 0");
            }
        } else if (wired && job.isOpen()) {
            care.add(Ui.wrapping(msg("done.aftercareOpen"), "lead"), "span 2, wmin 0");
        } else {
            care.add(Ui.wrapping(msg("done.aftercareLater"), "muted"), "span 2, wmin 0");
            for (String a : AFTERCARE) {
                care.add(new JLabel(Icons.sized(Icons.INFO, 20)), "aligny top");
                care.add(Ui.wrapping(msg("done.care." + a), "lead"), "wmin 0");
            }
        }
        aftercare.setVisible(wired && job.isOpen() && afterReset);
        paper.refresh(false, afterReset);
        care.add(paper, "span 2, growx, wmin 0, gaptop 12, hidemode 3");
        care.revalidate();
        care.repaint();
    }

    private void fillSummary(Job job) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Messages.locale())
                .withZone(ZoneId.systemDefault());
        summary.removeAll();
        summary.add(Ui.label("done.summaryTitle", "h3"), "span 2");
        row("done.job", job.id());
        row("done.customer", job.intake().customerName());
        row("done.device", job.device() == null ? "—" : job.device().model() + " · " + job.device().serial());
        row("done.method", job.method() == null ? "—" : msg("method." + job.method()));
        row("done.attempts", String.valueOf(job.attemptCount()));
        row("done.state", msg("state." + job.state()));
        row("done.opened", f.format(job.createdAt()));
        row("done.updated", f.format(job.updatedAt()));
        row("done.staff", job.intake().staffId());
        summary.revalidate();
    }

    private void row(String key, String value) {
        summary.add(Ui.label(key, "muted"));
        JLabel v = new JLabel(value == null ? "—" : value);
        v.setName(key);
        summary.add(v);
    }

    @Override
    public JComponent firstFocus() {
        return close;
    }

    private void onClose() {
        Job job = session.job();
        close.setEnabled(false);
        session.jobs().close(job.id()).whenCompleteAsync((j, err) -> {
            close.setEnabled(true);
            if (err != null) {
                lead(Ui.describe(err));
                return;
            }
            session.job(j);
            session.show("board");
        }, Ui.EDT);
    }
}
