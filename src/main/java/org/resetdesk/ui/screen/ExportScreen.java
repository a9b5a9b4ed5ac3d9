package org.resetdesk.ui.screen;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.swing.ButtonGroup;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.ui.Confirm;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.QrCodes;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * Step 4: export the request (this arms the guards), write it to the hand-off folder, show it as a QR code, list
 * what vendor support will ask for, then record how it was sent. For the reserved e-mail the QR code goes to the
 * customer instead (Hik-Connect or the vendor's recovery address) and the code arrives in their reserved mailbox.
 */
public final class ExportScreen extends ScreenBase {
    private static final String[] CHANNELS = {"email", "webForm", "partnerApp"};
    private static final String[] MAIL_CHANNELS = {"hikConnect", "recoveryMail"};
    /** Where the customer sends the QR code when they have no Hik-Connect app (sadp-protocol.md §5.6). */
    static final String RECOVERY_ADDRESS = "pw_recovery@hikvision.com";
    private String[] shownChannels = {};
    private final JPanel asks = new JPanel(new MigLayout("insets 16, wrap 2, gap 10 6", "[][grow, fill]"));
    private final JLabel qr = new JLabel();
    private final JLabel file = new JLabel(" ");
    private final JLabel problem = new JLabel(" ");
    private final JPanel channels = new JPanel(new MigLayout("insets 0, gap 8", "", "[52!]"));
    private final ButtonGroup channelGroup = new ButtonGroup();
    private final JButton export;
    private final JButton sent;
    private final PaperworkPanel paper;

    public ExportScreen(Session session) {
        super(session, "export", "export.title");
        body.setLayout(new MigLayout("fill, insets 0, gap 20", "[grow, fill][380!, fill]", "[grow, fill]"));
        Ui.style(asks, "card");
        body.add(asks);
        JPanel right = new JPanel(new MigLayout("insets 16, wrap 1, gap 8", "[grow, center]"));
        Ui.style(right, "card");
        qr.setName("export.qr");
        qr.setHorizontalAlignment(JLabel.CENTER);
        file.setName("export.file");
        Ui.style(file, "small");
        right.add(qr, "w 260!, h 260!");
        right.add(file, "w 340!");
        right.add(Ui.label("export.sentVia", "h3"), "gaptop 8");
        channels.setOpaque(false);
        showChannels(CHANNELS);
        right.add(channels);
        paper = new PaperworkPanel(session, "export", true, null, j -> {
            session.job(j);
            session.show("waiting");
        });
        body.add(right);
        problem.setName("export.problem");
        Ui.style(problem, "bad");
        footer.add(problem, "cell 1 0, wmin 0");
        back("export.back", () -> session.show("board"));
        export = action("export.run", "export.run", true, () -> onExport(false));
        sent = action("export.sent", "export.sentButton", true, this::onSent);
    }

    @Override
    public void onShow() {
        problem.setText(" ");
        Job job = session.job();
        if (job == null) {
            return;
        }
        boolean exported = job.state() == JobState.REQUEST_EXPORTED || job.state() == JobState.AWAITING_REPLY;
        JobService.Exported e = session.exported();
        ResetMethod m = exported && job.attempt() != null ? job.attempt().method() : session.method();
        boolean mail = m != null && m.answeredByMail();
        showChannels(mail ? MAIL_CHANNELS : CHANNELS);
        if (mail) {
            showMailSteps(exported && e != null ? e.codeSentTo() : null);
        } else {
            showAsks(job.device(), job);
        }
        if (exported && e != null) {
            showExported(e);
        } else {
            qr.setIcon(Icons.sized(Icons.QR, 120));
            file.setText(Ui.html(msg(exported ? "export.alreadyOut" : "export.notYet")));
        }
        lead(msg(exported ? (mail ? "export.leadDoneMail" : "export.leadDone") : "export.lead"));
        export.setVisible(!exported);
        sent.setVisible(exported);
        channels.setVisible(exported);
        paper.refresh(exported, false, false);
        paper.setVisible(exported && !mail && session.ctx().services().paperwork() != null);
        java.awt.Component t = Ui.find(asks, "export.handoffTitle");
        if (t != null) {
            t.setVisible(paper.isVisible());
        }
        if (exported && channelGroup.getSelection() == null) {
            ((JToggleButton) channels.getComponent(0)).setSelected(true);
        }
    }

    @Override
    public JComponent firstFocus() {
        return export.isVisible() ? export : sent;
    }

    private void showAsks(DeviceInfo d, Job job) {
        asks.removeAll();
        asks.add(Ui.label("export.asksTitle", "h3"), "span 2, gapbottom 4");
        ask(Icons.FILE, fmt("export.ask.file", d == null ? "—" : d.serial()));
        ask(Icons.QR, msg("export.ask.label"));
        ask(Icons.RECORDER, fmt("export.ask.model", d == null ? "—" : d.model(), d == null ? "—" : d.firmware()));
        ask(Icons.CLOCK, fmt("export.ask.boot", d == null || d.bootTime() == null ? "—" : d.bootTime()));
        ask(Icons.SHIELD, fmt("export.ask.proof", msg("ownership." + job.intake().ownershipKind()),
                job.intake().ownershipRef()));
        ask(Icons.USER, fmt("export.ask.shop", session.settings().shopName()));
        ask(Icons.WARNING, msg("export.ask.keepOn"));
        if (session.ctx().services().paperwork() != null) {
            JLabel t = Ui.label("handoff.title", "h3");
            t.setName("export.handoffTitle");
            asks.add(t, "span 2, gaptop 18, hidemode 3");
            asks.add(paper, "span 2, growx, hidemode 3");
        }
        asks.revalidate();
        asks.repaint();
    }

    /** What the customer does with the QR code, and where the code will arrive (as the recorder named it). */
    private void showMailSteps(String mailbox) {
        asks.removeAll();
        asks.add(Ui.label("export.mail.asksTitle", "h3"), "span 2, gapbottom 4");
        ask(Icons.QR, fmt("export.mail.scan", RECOVERY_ADDRESS));
        ask(Icons.USER, mailbox != null ? fmt("export.mail.mailbox", mailbox) : msg("export.mail.mailboxUnknown"))
                .setName("export.mail.mailbox");
        ask(Icons.CLOCK, msg("export.mail.valid"));
        ask(Icons.WARNING, msg("export.ask.keepOn"));
        asks.revalidate();
        asks.repaint();
    }

    /** The "sent via" choices: support channels, or the customer's two routes for the reserved e-mail. */
    private void showChannels(String[] names) {
        if (java.util.Arrays.equals(names, shownChannels)) {
            return;
        }
        shownChannels = names;
        channels.removeAll();
        channelGroup.clearSelection();
        for (javax.swing.AbstractButton b : java.util.Collections.list(channelGroup.getElements())) {
            channelGroup.remove(b);
        }
        for (String c : names) {
            JToggleButton b = Ui.named(new JToggleButton(msg("export.channel." + c)), "export.channel." + c);
            Ui.style(b, "choice");
            b.setMargin(new java.awt.Insets(8, 10, 8, 10));
            channelGroup.add(b);
            channels.add(b, "h 52!");
        }
        channels.revalidate();
        channels.repaint();
    }

    private JComponent ask(com.formdev.flatlaf.extras.FlatSVGIcon icon, String text) {
        asks.add(new JLabel(Icons.sized(icon, 24)), "aligny top");
        JComponent line = Ui.wrapping(text, "lead");
        asks.add(line, "wmin 0");
        return line;
    }

    private void onExport(boolean confirmed) {
        Ui.assertEdt();
        Job job = session.job();
        ResetMethod m = session.method();
        export.setEnabled(false);
        problem.setText(" ");
        Path folder = session.settings().handoffFolder();
        session.jobs().export(job.id(), m, confirmed)
                .thenApplyAsync(e -> new Object[] {e, handOff(e, folder), qrImage(e)}, session.ctx().io())
                .whenCompleteAsync((r, err) -> {
                    export.setEnabled(true);
                    if (err != null) {
                        var refusal = Ui.refusalOf(err);
                        if (refusal != null && refusal.key().equals("policy.refused.reExport")) {
                            Confirm.ask(session, "export.confirmTitle", msg("export.confirmText"),
                                    "export.confirmYes", () -> onExport(true));
                        } else {
                            problem.setText(Ui.html(Ui.describe(err)));
                        }
                        return;
                    }
                    JobService.Exported e = (JobService.Exported) r[0];
                    session.job(e.job());
                    session.exported(e);
                    file.putClientProperty("handoff", r[1]);
                    qr.putClientProperty("image", r[2]);
                    onShow();
                }, Ui.EDT);
    }

    /** Copies the request into the hand-off folder (unless the store already wrote it there). Runs on I/O. */
    private static Path handOff(JobService.Exported e, Path folder) {
        try {
            if (folder == null) {
                return e.requestFile();
            }
            Files.createDirectories(folder);
            Path target = folder.resolve(e.requestFile().getFileName().toString());
            if (!Files.exists(target) || !Files.isSameFile(target, e.requestFile())) {
                Files.write(target, e.request());
            }
            return target;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static BufferedImage qrImage(JobService.Exported e) {
        return QrCodes.encode(e.qrText(), 260).orElse(null);
    }

    private void showExported(JobService.Exported e) {
        Object img = qr.getClientProperty("image");
        qr.setIcon(img instanceof BufferedImage b ? new ImageIcon(b) : Icons.sized(Icons.QR, 120));
        Object path = Optional.ofNullable(file.getClientProperty("handoff")).orElse(e.requestFile());
        Path p = (Path) path;
        file.setText(Ui.html(fmt(img == null ? "export.fileNoQr" : "export.fileWritten",
                middle(p.getFileName().toString(), 44), middle(String.valueOf(p.getParent()), 44))));
        file.setToolTipText(p.toString());
    }

    /** Long names lose their middle ("DS-7608…attempt1.xml"): both ends tell staff which file it is. */
    static String middle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int head = (max - 1) / 2;
        return s.substring(0, head) + "…" + s.substring(s.length() - (max - 1 - head));
    }

    private void onSent() {
        Ui.assertEdt();
        String channel = shownChannels[0];
        for (int i = 0; i < shownChannels.length; i++) {
            if (((JToggleButton) channels.getComponent(i)).isSelected()) {
                channel = shownChannels[i];
            }
        }
        sent.setEnabled(false);
        CompletableFuture<Job> f = session.jobs().markSent(session.job().id(), channel);
        f.whenCompleteAsync((job, err) -> {
            sent.setEnabled(true);
            if (err != null) {
                problem.setText(Ui.html(Ui.describe(err)));
                return;
            }
            session.job(job);
            session.show("waiting");
        }, Ui.EDT);
    }
}
