package org.resetdesk.ui.screen;

import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.Job;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.PaperworkService;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * "Send to support" (hand-off folder, e-mail when configured) and "print a receipt" buttons with a one-line result,
 * shared by the export, waiting and done screens. Work runs on the paperwork service's futures; results come back to
 * the EDT. Components are named {@code <prefix>.send.folder}, {@code <prefix>.send.email}, {@code <prefix>.receipt}
 * and {@code <prefix>.paperResult}. Hidden entirely when the composition provides no paperwork service.
 */
final class PaperworkPanel extends JPanel {
    private final Session session;
    private final JButton folder;
    private final JButton email;
    private final JButton receipt;
    private final JLabel result = new JLabel(" ");
    private final JPanel form = new JPanel(new MigLayout("insets 0, wrap 4, gap 10 6", "[][grow, fill]16[][grow, fill]"));
    private final javax.swing.JTextField whereBought = new javax.swing.JTextField(18);
    private final javax.swing.JTextField channel = new javax.swing.JTextField(18);
    private final javax.swing.JTextField deviceDate = new javax.swing.JTextField(12);
    private final PaperworkService.Receipt kind;
    private final Consumer<Job> afterSend;

    /**
     * @param send whether to offer "send to support"
     * @param kind the receipt to offer, or null
     * @param afterSend called on the EDT with the updated job after a successful hand-off
     */
    PaperworkPanel(Session session, String prefix, boolean send, PaperworkService.Receipt kind,
                   Consumer<Job> afterSend) {
        super(new MigLayout("insets 0, gap 10, hidemode 3", "[][][grow, fill]", "[][52!][]"));
        this.session = session;
        this.kind = kind;
        this.afterSend = afterSend;
        setOpaque(false);
        folder = button(prefix + ".send.folder", "handoff.folder", Icons.FILE, () -> send(false));
        email = button(prefix + ".send.email", "handoff.email", Icons.SEND, () -> send(true));
        receipt = button(prefix + ".receipt", kind == PaperworkService.Receipt.INTAKE ? "receipt.intake"
                : "done.receipt", Icons.FILE, this::print);
        form.setOpaque(false);
        form.setVisible(send);
        field(prefix + ".whereBought", "handoff.whereBought", whereBought);
        field(prefix + ".channel", "handoff.channel", channel);
        field(prefix + ".deviceDate", "handoff.deviceDate", deviceDate);
        add(form, "span 3, growx, wrap, hidemode 3");
        folder.setVisible(send);
        email.setVisible(send);
        receipt.setVisible(kind != null);
        add(folder, "h 52!");
        add(email, "h 52!");
        add(receipt, "h 52!, wrap");
        result.setName(prefix + ".paperResult");
        Ui.style(result, "muted");
        add(result, "span 3, growx, wmin 0");
    }

    private void field(String name, String key, javax.swing.JTextField f) {
        f.setName(name);
        f.putClientProperty("JTextField.placeholderText", Messages.get(key + "Hint"));
        form.add(Ui.label(key, "muted"));
        form.add(f, "h 44!, wmin 80");
    }

    private JButton button(String name, String key, com.formdev.flatlaf.extras.FlatSVGIcon icon, Runnable r) {
        JButton b = Ui.button(name, key, "kioskSecondary");
        b.setIcon(Icons.sized(icon, 20));
        b.addActionListener(e -> r.run());
        return b;
    }

    /** Shows the buttons that fit the kiosk and the job; call from the screen's {@code onShow}. */
    void refresh(boolean canSend, boolean canPrint) {
        refresh(canSend, canPrint, true);
    }

    /** @param formOpen show the support form's fields now (else on the first press of a send button) */
    void refresh(boolean canSend, boolean canPrint, boolean formOpen) {
        PaperworkService p = session.ctx().services().paperwork();
        setVisible(p != null);
        if (p == null) {
            return;
        }
        folder.setEnabled(canSend);
        email.setVisible(folder.isVisible() && p.emailAvailable());
        email.setEnabled(canSend);
        receipt.setEnabled(canPrint);
        form.setVisible(folder.isVisible() && canSend && formOpen);
        if (deviceDate.getText().isBlank()) {
            deviceDate.setText(java.time.LocalDate.now(session.ctx().clock()).toString());
        }
        result.setText(" ");
    }

    void note(String text) {
        result.setText(Ui.html(text));
    }

    private void send(boolean byMail) {
        Ui.assertEdt();
        Job job = session.job();
        if (!form.isVisible()) {
            form.setVisible(true);
            whereBought.requestFocusInWindow();
            Ui.style(result, "muted");
            note(Messages.get("handoff.fillIn"));
            revalidate();
            javax.swing.SwingUtilities.invokeLater(() -> scrollRectToVisible(new java.awt.Rectangle(0, 0, getWidth(),
                    getHeight())));
            return;
        }
        folder.setEnabled(false);
        email.setEnabled(false);
        result.setText(" ");
        PaperworkService.Details details = new PaperworkService.Details(whereBought.getText(), channel.getText(),
                deviceDate.getText());
        session.ctx().services().paperwork().send(job.id(), byMail, details)
                .thenCompose(s -> session.jobs().find(job.id()).thenApply(j -> new Object[] {s, j}))
                .whenCompleteAsync((r, err) -> {
                    folder.setEnabled(true);
                    email.setEnabled(true);
                    if (err != null) {
                        Ui.style(result, "bad");
                        note(Ui.describe(err));
                        return;
                    }
                    PaperworkService.Sent s = (PaperworkService.Sent) r[0];
                    whereBought.setText("");
                    channel.setText("");
                    deviceDate.setText("");
                    Ui.style(result, "ok");
                    note(s.deliveredNow() ? Messages.format("handoff.sent", s.channel(), s.messageId(), s.where())
                            : Messages.format("handoff.queued", s.messageId()));
                    if (afterSend != null) {
                        afterSend.accept((Job) r[1]);
                    }
                }, Ui.EDT);
    }

    private void print() {
        Ui.assertEdt();
        Job job = session.job();
        receipt.setEnabled(false);
        result.setText(" ");
        session.ctx().services().paperwork().receipt(job.id(), kind).whenCompleteAsync((p, err) -> {
            receipt.setEnabled(true);
            if (err != null) {
                Ui.style(result, "bad");
                note(Ui.describe(err));
                return;
            }
            Ui.style(result, "ok");
            note(p.printer() != null ? Messages.format("receipt.printed", p.printer())
                    : Messages.format("receipt.written", p.file().getFileName(), p.file().getParent()));
        }, Ui.EDT);
    }
}
