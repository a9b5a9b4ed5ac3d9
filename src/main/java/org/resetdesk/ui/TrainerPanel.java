package org.resetdesk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Job;

/**
 * Training stations only: the faults staff must learn to handle, caused on the virtual recorder. Each control runs
 * on the I/O executor; what happened is shown underneath, and the job screens show how the engine reacted.
 */
final class TrainerPanel extends JPanel {
    private final Session session;
    private final JLabel result = new JLabel(" ");
    private final JButton reply = Ui.button("trainer.reply", "trainer.reply", "trainer");

    TrainerPanel(Session session) {
        super(new MigLayout("insets 20 16 20 16, wrap 1, gap 10", "[220!, fill]"));
        this.session = session;
        setName("trainer");
        Ui.style(this, "card");
        TrainerControls t = session.ctx().trainer();
        JLabel title = Ui.label("trainer.title", "h3");
        title.setIcon(Icons.sized(Icons.TRAINER, 24));
        add(title);
        add(Ui.wrapping(Messages.get("trainer.hint"), "small"), "w 220!");
        add(control("trainer.powerCut", () -> run(t::powerCut, "trainer.done.powerCut")), "h 52!");
        add(control("trainer.powerOn", () -> run(t::powerOn, "trainer.done.powerOn")), "h 52!");
        add(control("trainer.reboot", () -> run(t::reboot, "trainer.done.reboot")), "h 52!");
        add(control("trainer.changeIp", () -> run(t::changeIp, "trainer.done.changeIp")), "h 52!");
        add(control("trainer.clock6", () -> run(() -> t.clockJump(6), "trainer.done.clock")), "h 52!");
        add(control("trainer.clock43", () -> run(() -> t.clockJump(43), "trainer.done.clock")), "h 52!");
        reply.addActionListener(e -> supportReply());
        add(reply, "h 52!, gaptop 12");
        result.setName("trainer.result");
        Ui.style(result, "lead");
        add(result, "w 220!, gaptop 12");
    }

    private JButton control(String key, Runnable action) {
        JButton b = Ui.button(key, key, "trainer");
        b.addActionListener(e -> action.run());
        return b;
    }

    private void run(Runnable fault, String doneKey) {
        result.setText(Messages.get("trainer.working"));
        CompletableFuture.runAsync(fault, session.ctx().io())
                .whenCompleteAsync((v, err) -> result.setText(Ui.html(err == null ? Messages.get(doneKey)
                        : Ui.describe(err))), Ui.EDT);
    }

    private void supportReply() {
        Job job = session.job();
        if (job == null) {
            result.setText(Ui.html(Messages.get("trainer.noJob")));
            return;
        }
        String id = job.id();
        Supplier<TrainerControls.SupportReply> arrive = () -> session.ctx().trainer().supportReplyArrives(id);
        CompletableFuture.supplyAsync(arrive, session.ctx().io()).whenCompleteAsync((r, err) -> {
            if (err != null) {
                result.setText(Ui.html(Ui.describe(err)));
            } else if (r.key() != null) {
                result.setText(Ui.html(Messages.format("trainer.replyKey", r.key())));
                result.putClientProperty("key", r.key());
            } else {
                result.setText(Ui.html(Messages.format("trainer.replyFile", r.file().getFileName())));
                result.putClientProperty("key", null);
            }
        }, Ui.EDT);
    }

    void refresh() {
        Job job = session.job();
        reply.setEnabled(job != null && job.state().isArmed());
    }
}
