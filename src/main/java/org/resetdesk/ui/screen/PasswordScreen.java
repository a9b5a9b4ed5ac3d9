package org.resetdesk.ui.screen;

import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.util.Arrays;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JToggleButton;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.PasswordRules;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.OnScreenKeyboard;
import org.resetdesk.ui.SecretDocument;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.StrengthMeter;
import org.resetdesk.ui.Ui;

/**
 * Step 7, the customer's screen: a large masked field with show/hide, the touch keyboard, a live strength meter with
 * the vendor's rules, and a confirmation. The password goes to the engine once (which wipes it) and is never shown
 * again; the fields are cleared and every copy wiped when the screen is left.
 */
public final class PasswordScreen extends ScreenBase {
    private static final String[] RULES = {"length", "kinds", "names", "runs", "chars", "match"};
    private final JPasswordField pw = new JPasswordField(new SecretDocument(), null, 16);
    private final JPasswordField again = new JPasswordField(new SecretDocument(), null, 16);
    private final JToggleButton reveal = new JToggleButton(Icons.sized(Icons.EYE, 26));
    private final StrengthMeter meter = new StrengthMeter();
    private final JLabel strength = new JLabel(" ");
    private final JLabel[] rules = new JLabel[RULES.length];
    private final JCheckBox sync = new JCheckBox(Messages.get("password.sync"));
    private final JLabel problem = new JLabel(" ");
    private final OnScreenKeyboard kb = new OnScreenKeyboard("password.kb", OnScreenKeyboard.Mode.FULL);
    private final JButton set;
    private final char echo = pw.getEchoChar();

    public PasswordScreen(Session session) {
        super(session, "password", "password.title");
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[grow, fill][]", "[top]"));
        JPanel left = new JPanel(new MigLayout("insets 16, wrap 2, gap 8 6", "[grow, fill][56!]"));
        Ui.style(left, "card");
        pw.setName("password.field");
        again.setName("password.again");
        Ui.style(pw, "big");
        Ui.style(again, "big");
        reveal.setName("password.reveal");
        reveal.setToolTipText(msg("password.show"));
        reveal.addActionListener(e -> onReveal());
        left.add(Ui.label("password.new", "h3"), "span 2");
        left.add(pw, "h 60!");
        left.add(reveal, "h 60!");
        left.add(Ui.label("password.confirm", "h3"), "span 2");
        left.add(again, "h 60!, wrap");
        left.add(meter, "h 14!, gaptop 6");
        strength.setName("password.strength");
        left.add(strength, "wrap");
        for (int i = 0; i < RULES.length; i++) {
            rules[i] = new JLabel(msg("password.rules." + RULES[i]));
            rules[i].setName("password.rule." + RULES[i]);
            left.add(rules[i], "span 2, h 24!");
        }
        sync.setName("password.sync");
        left.add(sync, "span 2, hidemode 3, gaptop 4");
        body.add(left);
        body.add(kb);
        for (JPasswordField f : List.of(pw, again)) {
            f.getDocument().addDocumentListener(new DocumentListener() {
                public void insertUpdate(DocumentEvent e) { assess(); }
                public void removeUpdate(DocumentEvent e) { assess(); }
                public void changedUpdate(DocumentEvent e) { assess(); }
            });
            f.addFocusListener(new FocusAdapter() {
                @Override
                public void focusGained(FocusEvent e) {
                    kb.target(f);
                }
            });
        }
        pw.addActionListener(e -> again.requestFocusInWindow());
        again.addActionListener(e -> onSet());
        kb.target(pw);
        problem.setName("password.problem");
        Ui.style(problem, "bad");
        footer.add(problem, "cell 1 0, wmin 0");
        back("password.back", () -> session.show(session.reply() != null ? "import" : "board"));
        set = action("password.set", "password.setButton", true, this::onSet);
    }

    @Override
    public void onShow() {
        wipe();
        Job job = session.job();
        boolean activation = session.reply() == null;
        lead(msg(activation ? "password.leadActivate" : "password.lead"));
        sync.setVisible(job != null && job.device() != null && Boolean.TRUE.equals(job.device().syncIpcPassword()));
        sync.setSelected(true);
        problem.setText(" ");
        assess();
    }

    @Override
    public void onHide() {
        wipe();
    }

    @Override
    public JComponent firstFocus() {
        return pw;
    }

    /** Clears both fields and hides the text again. */
    private void wipe() {
        pw.setText("");
        again.setText("");
        reveal.setSelected(false);
        onReveal();
    }

    private void onReveal() {
        boolean show = reveal.isSelected();
        pw.setEchoChar(show ? (char) 0 : echo);
        again.setEchoChar(show ? (char) 0 : echo);
        reveal.setIcon(Icons.sized(show ? Icons.EYE_OFF : Icons.EYE, 26));
        reveal.setToolTipText(msg(show ? "password.hide" : "password.show"));
    }

    private void assess() {
        char[] a = pw.getPassword();
        char[] b = again.getPassword();
        try {
            PasswordRules.Assessment r = PasswordRules.assess(a, "admin");
            List<String> p = r.problems();
            int kinds = kinds(a);
            boolean[] ok = {
                !p.contains("password.rule.tooShort") && !p.contains("password.rule.tooLong"),
                kinds >= 3,
                !p.contains("password.rule.userName") && !p.contains("password.rule.common"),
                !p.contains("password.rule.sequence"),
                !p.contains("password.rule.character"),
                a.length > 0 && Arrays.equals(a, b)
            };
            for (int i = 0; i < rules.length; i++) {
                rules[i].setIcon(Icons.sized(ok[i] ? Icons.CHECK : Icons.CROSS, 18));
                Ui.style(rules[i], a.length == 0 ? "muted" : ok[i] ? "ok" : "bad");
            }
            meter.strength(a.length == 0 ? null : r.strength());
            strength.setText(a.length == 0 ? " " : msg("password.strength." + r.strength()));
            set.setEnabled(r.acceptable() && ok[5]);
        } finally {
            Arrays.fill(a, '\0');
            Arrays.fill(b, '\0');
        }
    }

    private static int kinds(char[] a) {
        boolean d = false, l = false, u = false, s = false;
        for (char c : a) {
            d |= c >= '0' && c <= '9';
            l |= c >= 'a' && c <= 'z';
            u |= c >= 'A' && c <= 'Z';
            s |= PasswordRules.SPECIALS.indexOf(c) >= 0;
        }
        return (d ? 1 : 0) + (l ? 1 : 0) + (u ? 1 : 0) + (s ? 1 : 0);
    }

    private void onSet() {
        Ui.assertEdt();
        if (!set.isEnabled() || session.job() == null) {
            return;
        }
        char[] secret = pw.getPassword();
        wipe();
        set.setEnabled(false);
        String jobId = session.job().id();
        if (session.reply() == null) {
            session.jobs().activate(jobId, secret).whenCompleteAsync((job, err) -> {
                if (err != null) {
                    problem.setText(Ui.html(Ui.describe(err)));
                } else {
                    session.job(job);
                    session.show("done");
                }
            }, Ui.EDT);
            return;
        }
        session.jobs().importReply(jobId, session.reply(), secret, sync.isVisible() && sync.isSelected())
                .whenCompleteAsync(this::outcome, Ui.EDT);
    }

    private void outcome(JobService.ResetAttempt r, Throwable err) {
        Ui.assertEdt();
        if (err != null) {
            problem.setText(Ui.html(Ui.describe(err)));
            return;
        }
        session.job(r.job());
        DeviceOutcome o = r.outcome();
        if (o.isSuccess()) {
            session.reply(null);
            session.show("done");
            return;
        }
        String key = "outcome." + o.kind();
        session.lastOutcome(Messages.has(key) ? Messages.format(key, o.retriesLeft() == null ? "?" : o.retriesLeft(),
                o.lockedMinutes() == null ? "?" : o.lockedMinutes()) : Messages.format("outcome.other", o.kind()));
        session.show(r.job().state() == org.resetdesk.job.JobState.VOIDED ? "waiting" : "import");
    }
}
