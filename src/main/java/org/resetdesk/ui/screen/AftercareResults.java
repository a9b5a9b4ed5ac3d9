package org.resetdesk.ui.screen;

import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.Disk;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Ui;

/**
 * An aftercare report in plain words, one row per finding: password, identity, clock, each disk (a full or
 * unhealthy disk highlighted), overwrite and Hik-Connect before → after, the advice, and a "reboot required" note.
 * Each value label is named {@code aftercare.row.<what>} for tests.
 */
final class AftercareResults extends JPanel {
    AftercareResults() {
        super(new MigLayout("insets 18, wrap 3, gap 12 8", "[][][grow, fill]"));
        show(null);
    }

    void show(AftercareReport r) {
        removeAll();
        add(Ui.label("aftercare.resultsTitle", "h3"), "span 3, gapbottom 4");
        if (r == null) {
            add(Ui.wrapping(Messages.get("aftercare.noResults"), "muted"), "span 3, wmin 0");
            revalidate();
            repaint();
            return;
        }
        row("verified", r.verified(), r.verified() ? Messages.get("aftercare.verifiedYes")
                : Messages.format("aftercare.verifiedNo", r.verifyOutcome()));
        if (r.verified()) {
            boolean idOk = r.identityConfirmed();
            row("identity", idOk, idOk ? Messages.format("aftercare.identityOk", r.model(), r.serial(), r.firmware())
                    : Messages.format("aftercare.identityBad", String.join("; ", r.mismatches())));
            if (r.clockSkewSeconds() != null) {
                long s = r.clockSkewSeconds();
                boolean ok = Math.abs(s) <= org.resetdesk.job.Aftercare.CLOCK_TOLERANCE.getSeconds();
                row("clock", ok, ok ? Messages.format("aftercare.clockOk", r.deviceClock())
                        : Messages.format(s < 0 ? "aftercare.clockBehind" : "aftercare.clockAhead", human(s)));
            } else {
                row("clock", false, Messages.get("aftercare.clockUnknown"));
            }
            if (r.disks().isEmpty()) {
                row("disks", false, Messages.get("aftercare.noDisk"));
            }
            int i = 0;
            for (Disk d : r.disks()) {
                boolean ok = d.healthy() && !d.full();
                String text = Messages.format("aftercare.disk", d.name(), gb(d.capacityMiB()), gb(d.freeMiB()),
                        d.status()) + (d.full() ? " — " + Messages.get("aftercare.diskFull") : "");
                row("disk" + i++, ok, text);
            }
            row("overwrite", Boolean.TRUE.equals(r.overwriteAfter()), Messages.format("aftercare.beforeAfter",
                    onOff(r.overwriteBefore()), onOff(r.overwriteAfter())));
            row("cloud", r.cloudAfter() != Binding.BOUND, Messages.format("aftercare.beforeAfter",
                    cloud(r.cloudBefore()), cloud(r.cloudAfter())));
        }
        if (r.rebootRequired()) {
            row("reboot", false, Messages.get("aftercare.rebootRequired"));
        }
        if (!r.advice().isEmpty()) {
            add(Ui.label("aftercare.adviceTitle", "h3"), "span 3, gaptop 10");
            int i = 0;
            for (String a : r.advice()) {
                add(new JLabel(Icons.sized(Icons.INFO, 20)), "aligny top");
                JLabel l = Ui.wrapping(a, "muted");
                l.setName("aftercare.advice." + i++);
                add(l, "span 2, wmin 0");
            }
        }
        revalidate();
        repaint();
    }

    private void row(String what, boolean ok, String value) {
        add(new JLabel(Icons.sized(ok ? Icons.CHECK : Icons.WARNING, 22)), "aligny top");
        add(Ui.label("aftercare.row." + what.replaceAll("\\d+$", ""), "muted"), "aligny top");
        JLabel v = Ui.wrapping(value, ok ? "lead" : "warn");
        v.setName("aftercare.row." + what);
        add(v, "wmin 0");
    }

    private static String onOff(Boolean b) {
        return Messages.get(b == null ? "aftercare.unknown" : b ? "aftercare.on" : "aftercare.off");
    }

    private static String cloud(Binding b) {
        return Messages.get("aftercare.cloud." + (b == null ? Binding.UNKNOWN : b));
    }

    private static String gb(long mib) {
        return String.format(Messages.locale(), "%.1f GB", mib / 1024.0);
    }

    private static String human(long seconds) {
        long a = Math.abs(seconds);
        return a >= 86400 ? a / 86400 + " d" : a >= 3600 ? a / 3600 + " h" : Math.max(1, a / 60) + " min";
    }

}
