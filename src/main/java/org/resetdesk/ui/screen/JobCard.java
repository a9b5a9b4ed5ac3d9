package org.resetdesk.ui.screen;

import java.awt.Graphics;
import java.time.Duration;
import java.time.Instant;
import javax.swing.JButton;
import javax.swing.JLabel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.DeadlineStage;
import org.resetdesk.job.GuardStatus;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Job;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Theme;
import org.resetdesk.ui.Ui;

/**
 * One job on the board: customer, device, state, time left (normal, amber under 6 h, red under 1 h) and the live
 * guard status. A button, so it can be touched or reached with Tab and opened with Enter or Space.
 */
final class JobCard extends JButton {
    private final JLabel timeLeft = new JLabel();
    private final JLabel guard = new JLabel();
    private Job job;
    private DeadlineStage stage = DeadlineStage.NONE;

    JobCard(Job job, Instant now) {
        setLayout(new MigLayout("insets 4 14 4 4, wrap 2, gap 4", "[grow, fill][]", "[][][]8[][]"));
        Ui.style(this, "jobCard");
        setName("card." + job.id());
        JLabel id = new JLabel(job.id());
        Ui.style(id, "small");
        JLabel state = new JLabel(Messages.get("state." + job.state()));
        state.setName("card." + job.id() + ".state");
        Ui.style(state, "h3");
        JLabel customer = new JLabel(job.intake().customerName() == null ? "—" : job.intake().customerName());
        Ui.style(customer, "h2");
        String dev = job.device() != null ? job.device().model() + " · " + job.device().serial()
                : Messages.format("card.labelSerial", job.intake().labelSerial());
        JLabel device = new JLabel(dev);
        Ui.style(device, "muted");
        timeLeft.setName("card." + job.id() + ".time");
        timeLeft.setIcon(Icons.sized(Icons.CLOCK, 18));
        guard.setName("card." + job.id() + ".guard");
        guard.setIcon(Icons.sized(Icons.HEARTBEAT, 18));
        add(id);
        add(state, "align right");
        add(customer, "span 2");
        add(device, "span 2");
        add(timeLeft, "span 2");
        add(guard, "span 2");
        update(job, now);
    }

    void update(Job j, Instant now) {
        this.job = j;
        stage = Guards.deadlineStage(j, now);
        timeLeft.setText(timeLeft(j, now, stage));
        Ui.style(timeLeft, switch (stage) {
            case UNDER_6H -> "warn";
            case UNDER_1H, EXPIRED -> "bad";
            case PLENTY -> "ok";
            case NONE -> "muted";
        });
        GuardStatus g = j.guard() == null ? GuardStatus.IDLE : j.guard();
        guard.setText(Messages.get("guard.status." + g));
        Ui.style(guard, switch (g) {
            case ANSWERING -> "ok";
            case IDLE -> "muted";
            case UNCONFIRMED, SILENT -> "warn";
            default -> "bad";
        });
        repaint();
    }

    Job job() {
        return job;
    }

    static String timeLeft(Job j, Instant now, DeadlineStage stage) {
        if (stage == DeadlineStage.NONE) {
            return Messages.get("card.noDeadline");
        }
        if (stage == DeadlineStage.EXPIRED) {
            return Messages.get("card.expired");
        }
        Duration left = Duration.between(now, j.deadline());
        return Messages.format("card.timeLeft", left.toHours(), left.toMinutesPart());
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        String c = switch (stage) {
            case UNDER_6H -> "warn";
            case UNDER_1H, EXPIRED -> "bad";
            case PLENTY -> "ok";
            case NONE -> "muted";
        };
        g.setColor(Theme.color(c));
        g.fillRoundRect(3, 10, 6, getHeight() - 20, 6, 6);
    }
}
