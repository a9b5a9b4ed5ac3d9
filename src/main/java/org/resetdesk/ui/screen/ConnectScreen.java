package org.resetdesk.ui.screen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.SerialNumbers;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Step 2: picture-led plug-in instructions, live discovery on the dedicated port, and the label serial next to the
 * serial the recorder reports, with the differing characters marked. The engine decides whether they match.
 */
public final class ConnectScreen extends ScreenBase {
    static final Duration SEARCH_TIME = Duration.ofSeconds(3);
    private final JPanel found = new JPanel(new MigLayout("insets 0, wrap 1, gap 8", "[grow, fill]", "[56!]"));
    private final ButtonGroup group = new ButtonGroup();
    private final List<DeviceInfo> devices = new ArrayList<>();
    private final JLabel searchState = new JLabel();
    private final JLabel labelSerial = new JLabel();
    private final JLabel reportedSerial = new JLabel();
    private final JLabel verdict = new JLabel(" ");
    private final JButton again;
    private final JButton connect;
    private DeviceInfo chosen;
    private int generation;

    public ConnectScreen(Session session) {
        super(session, "connect", "connect.title");
        lead(msg("connect.lead"));
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[grow, fill, sg s][grow, fill, sg s][grow, fill, sg s]",
                "[]12[grow, fill]"));
        body.add(step(Icons.STEP_POWER, "connect.step1"));
        body.add(step(Icons.STEP_LAN, "connect.step2"));
        body.add(step(Icons.STEP_KIOSK, "connect.step3"), "wrap");
        JPanel left = new JPanel(new MigLayout("fill, insets 16, wrap 1, gap 8", "[grow, fill]", "[][grow, fill]"));
        Ui.style(left, "card");
        searchState.setName("connect.searchState");
        searchState.setIcon(Icons.sized(Icons.SEARCH, 22));
        Ui.style(searchState, "h3");
        found.setOpaque(false);
        left.add(searchState);
        left.add(found, "aligny top");
        body.add(left, "span 1");
        JPanel cmp = new JPanel(new MigLayout("fill, insets 16, wrap 2, gap 10 6", "[][grow, fill]", "[][][]12[]"));
        Ui.style(cmp, "card");
        cmp.add(Ui.label("connect.compare", "h3"), "span 2");
        cmp.add(Ui.label("connect.label", "muted"));
        labelSerial.setName("connect.labelSerial");
        Ui.style(labelSerial, "mono");
        Ui.style(reportedSerial, "mono");
        cmp.add(labelSerial);
        cmp.add(Ui.label("connect.reported", "muted"));
        reportedSerial.setName("connect.reportedSerial");
        cmp.add(reportedSerial);
        verdict.setName("connect.verdict");
        cmp.add(verdict, "span 2");
        body.add(cmp, "span 2");
        back("connect.back", () -> session.show("board"));
        again = action("connect.again", "connect.again", false, this::search);
        again.setIcon(Icons.sized(Icons.REFRESH, 22));
        connect = action("connect.next", "connect.next", true, this::onConnect);
    }

    private static JPanel step(com.formdev.flatlaf.extras.FlatSVGIcon art, String key) {
        JPanel p = new JPanel(new MigLayout("insets 0, wrap 1, gap 6", "[grow, center]"));
        p.setOpaque(false);
        p.add(new JLabel(art));
        JLabel t = Ui.wrapping(org.resetdesk.ui.Messages.get(key), null);
        t.setHorizontalAlignment(SwingConstants.CENTER);
        p.add(t, "w 300!");
        return p;
    }

    @Override
    public void onShow() {
        Job job = session.job();
        labelSerial.setText(mono(job == null ? "" : SerialNumbers.normalise(job.intake().labelSerial()), null));
        search();
    }

    @Override
    public void onHide() {
        generation++;
    }

    @Override
    public JComponent firstFocus() {
        return connect;
    }

    private void search() {
        Ui.assertEdt();
        int gen = ++generation;
        devices.clear();
        found.removeAll();
        chosen = null;
        choose(null);
        again.setEnabled(false);
        searchState.setText(msg("connect.searching"));
        session.jobs().discover(SEARCH_TIME, d -> SwingUtilities.invokeLater(() -> {
            if (gen == generation) {
                addDevice(d);
            }
        })).whenCompleteAsync((all, err) -> {
            if (gen != generation) {
                return;
            }
            again.setEnabled(true);
            if (err != null) {
                searchState.setText(Ui.describe(err));
                return;
            }
            all.forEach(this::addDevice);
            searchState.setText(devices.isEmpty() ? msg("connect.none") : fmt("connect.foundCount", devices.size()));
        }, Ui.EDT);
    }

    private void addDevice(DeviceInfo d) {
        if (devices.stream().anyMatch(x -> x.mac() != null && x.mac().equalsIgnoreCase(d.mac()))) {
            return;
        }
        devices.add(d);
        JToggleButton b = new JToggleButton(d.model() + "   " + d.ipv4(), Icons.sized(Icons.RECORDER, 26));
        b.setName("connect.device." + devices.size());
        b.setHorizontalAlignment(SwingConstants.LEFT);
        Ui.style(b, "choice");
        b.addActionListener(e -> choose(d));
        group.add(b);
        found.add(b, "h 56!");
        found.revalidate();
        if (devices.size() == 1) {
            b.setSelected(true);
            choose(d);
            if (isShowing()) {
                connect.requestFocusInWindow();
            }
        }
    }

    private void choose(DeviceInfo d) {
        chosen = d;
        connect.setEnabled(d != null);
        Job job = session.job();
        if (d == null || job == null) {
            reportedSerial.setText(" ");
            verdict.setText(" ");
            verdict.setIcon(null);
            return;
        }
        String label = SerialNumbers.normalise(job.intake().labelSerial());
        String rep = SerialNumbers.normalise(d.serial());
        reportedSerial.setText(mono(rep, label));
        boolean same = SerialNumbers.mismatch(label, rep).isEmpty();
        verdict.setText(msg(same ? "connect.match" : "connect.mismatch"));
        verdict.setIcon(Icons.sized(same ? Icons.CHECK : Icons.CROSS, 26));
        Ui.style(verdict, same ? "ok" : "bad");
    }

    /** The serial in a monospaced font; characters that differ from {@code other} in red. */
    private static String mono(String s, String other) {
        StringBuilder b = new StringBuilder("<html><span>");
        for (int i = 0; i < s.length(); i++) {
            boolean diff = other != null && (i >= other.length() || other.charAt(i) != s.charAt(i));
            String c = String.valueOf(s.charAt(i)).replace("<", "&lt;").replace("&", "&amp;");
            b.append(diff ? "<b style='color:#c0262d'><u>" + c + "</u></b>" : c);
        }
        return b.append("</span></html>").toString();
    }

    private void onConnect() {
        Ui.assertEdt();
        if (chosen == null || session.job() == null) {
            return;
        }
        DeviceInfo d = chosen;
        connect.setEnabled(false);
        session.jobs().connect(session.job().id(), d).whenCompleteAsync((job, err) -> {
            connect.setEnabled(true);
            if (err != null) {
                verdict.setText(Ui.html(Ui.describe(err)));
                verdict.setIcon(Icons.sized(Icons.CROSS, 26));
                Ui.style(verdict, "bad");
                return;
            }
            session.job(job);
            session.device(d);
            session.show(job.device() != null && !job.device().isActivated() ? "password" : "recorder");
        }, Ui.EDT);
    }
}
