package org.resetdesk.ui.screen;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.ui.FirmwareAdvice;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Step 3: what the recorder is (model, firmware, activation, cloud binding) and which reset methods it offers, with
 * the kiosk's recommendation and a one-line why; a warning for firmware with known serious vulnerabilities.
 */
public final class RecorderScreen extends ScreenBase {
    private final JPanel facts = new JPanel(new MigLayout("insets 16, wrap 2, gap 14 8", "[][grow, fill]"));
    private final JPanel methods = new JPanel(new MigLayout("insets 16, wrap 1, gap 8", "[grow, fill]"));
    private final JPanel firmware = new JPanel(new MigLayout("insets 14 16 14 16, gap 12", "[][grow, fill]"));
    private final Map<ResetMethod, JToggleButton> choices = new EnumMap<>(ResetMethod.class);
    private final JLabel why = new JLabel(" ");
    private final JButton next;
    private ResetMethod method;

    public RecorderScreen(Session session) {
        super(session, "recorder", "recorder.title");
        lead(msg("recorder.lead"));
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[45%, fill][55%, fill]", "[top][]"));
        Ui.style(facts, "card");
        Ui.style(methods, "card");
        firmware.setName("recorder.firmwareWarning");
        Ui.style(firmware, "warnBox");
        body.add(facts, "grow");
        body.add(methods, "grow, wrap");
        body.add(firmware, "span 2, growx, hidemode 3");
        back("recorder.back", () -> session.show("board"));
        next = action("recorder.next", "recorder.next", true, this::onNext);
    }

    @Override
    public void onShow() {
        Job job = session.job();
        DeviceInfo d = job == null ? null : job.device();
        facts.removeAll();
        methods.removeAll();
        choices.clear();
        firmware.setVisible(false);
        if (d == null) {
            return;
        }
        facts.add(Ui.label("recorder.facts", "h3"), "span 2");
        fact("recorder.model", d.model());
        fact("recorder.serial", d.serial());
        fact("recorder.firmware", d.firmware() == null ? msg("recorder.notReported") : d.firmware());
        fact("recorder.activation", msg(d.isActivated() ? "recorder.activated" : "recorder.inactive"));
        fact("recorder.cloud", d.hikConnectEnabled() == null ? msg("recorder.notReported")
                : msg(d.hikConnectEnabled() ? "recorder.cloudOn" : "recorder.cloudOff"));
        fact("recorder.network", d.ipv4() + " · " + d.mac());
        fact("recorder.boot", d.bootTime() == null ? msg("recorder.notReported") : d.bootTime());
        ResetMethod recommended = JobService.recommend(d);
        methods.add(Ui.label("recorder.methods", "h3"));
        ButtonGroup g = new ButtonGroup();
        for (ResetMethod m : ResetMethod.values()) {
            if (!d.resetMethods().contains(m)) {
                continue;
            }
            String text = msg("method." + m) + (m == recommended ? "  ·  " + msg("recorder.recommended") : "");
            JToggleButton b = Ui.named(new JToggleButton(text), "recorder.method." + m);
            Ui.style(b, "choice");
            b.setHorizontalAlignment(JToggleButton.LEFT);
            b.setEnabled(m.exportsChallenge());
            b.addActionListener(e -> choose(m));
            g.add(b);
            choices.put(m, b);
            methods.add(b, "h 52!");
        }
        if (choices.isEmpty()) {
            methods.add(Ui.wrapping(msg("recorder.noMethods"), "warn"));
        }
        why.setName("recorder.why");
        Ui.style(why, "muted");
        methods.add(why, "gaptop 6");
        Optional<String> warn = FirmwareAdvice.warning(d);
        firmware.removeAll();
        warn.ifPresent(key -> {
            firmware.add(new JLabel(Icons.sized(Icons.WARNING, 36)));
            firmware.add(Ui.wrapping(fmt(key, d.firmware()), "warn"));
            firmware.setVisible(true);
        });
        ResetMethod start = job.method() != null && choices.containsKey(job.method()) ? job.method() : recommended;
        choose(start != null && start.exportsChallenge() ? start : null);
        facts.revalidate();
        methods.revalidate();
    }

    private void fact(String key, String value) {
        facts.add(Ui.label(key, "muted"));
        JLabel v = new JLabel(value == null ? "—" : value);
        v.setName(key);
        Ui.style(v, "h3");
        facts.add(v);
    }

    private void choose(ResetMethod m) {
        method = m;
        if (m != null && choices.containsKey(m)) {
            choices.get(m).setSelected(true);
        }
        why.setText(Ui.html(m == null ? msg("recorder.pickMethod") : msg("method.why." + m)));
        next.setEnabled(m != null);
    }

    @Override
    public JComponent firstFocus() {
        return next;
    }

    private void onNext() {
        if (method == null) {
            return;
        }
        session.method(method);
        session.show("export");
    }
}
