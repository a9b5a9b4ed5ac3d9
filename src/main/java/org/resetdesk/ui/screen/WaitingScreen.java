package org.resetdesk.ui.screen;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.DeadlineStage;
import org.resetdesk.job.GuardStatus;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;
import org.resetdesk.ui.Confirm;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Theme;
import org.resetdesk.ui.Ui;

/**
 * Step 5: the request is with support. While the attempt is armed a large DO NOT SWITCH OFF banner, the countdown
 * to the deadline, the recorder's heartbeat and the guard events as they happen. When the engine voids the attempt
 * the banner gives way to what happened and the way forward.
 */
public final class WaitingScreen extends ScreenBase {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("EEE HH:mm");
    private final JLabel banner = new JLabel();
    private final JPanel voided = new JPanel(new MigLayout("insets 18 22 18 22, wrap 2, gap 14 6", "[][grow, fill]"));
    private final JLabel countdown = new JLabel(" ");
    private final JLabel caption = Ui.label("waiting.timeLeft", "muted");
    private final JLabel deadline = new JLabel(" ");
    private final JLabel heartbeat = new JLabel(" ");
    private final JLabel guard = new JLabel(" ");
    private final JPanel events = new JPanel(new MigLayout("insets 0, wrap 2, gap 10 4", "[][grow, fill]"));
    private final Timer tick = new Timer(1000, e -> retime());
    private final JButton reExport;
    private final JButton importReply;
    private final PaperworkPanel paper;
    private final org.resetdesk.ui.ConsoleView console;

    public WaitingScreen(Session session) {
        super(session, "waiting", "waiting.title");
        body.setLayout(new MigLayout("fill, insets 0, gap 16", "[42%, fill][58%, fill]", "[][grow, fill]"));
        banner.setName("waiting.banner");
        banner.setText(msg("waiting.banner"));
        Ui.style(banner, "dangerBanner");
        banner.setOpaque(true);
        banner.setHorizontalAlignment(SwingConstants.CENTER);
        banner.setIcon(Icons.tinted(Icons.POWER, 44, java.awt.Color.WHITE));
        banner.setIconTextGap(18);
        banner.setBorder(javax.swing.BorderFactory.createEmptyBorder(18, 24, 18, 24));
        voided.setName("waiting.voided");
        Ui.style(voided, "badBox");
        body.add(banner, "span 2, growx, hidemode 3, wrap");
        body.add(voided, "span 2, growx, hidemode 3, wrap");
        JPanel left = new JPanel(new MigLayout("insets 18, wrap 1, gap 6", "[grow, fill]"));
        Ui.style(left, "card");
        caption.setName("waiting.caption");
        left.add(caption);
        countdown.setName("waiting.countdown");
        Ui.style(countdown, "big");
        left.add(countdown);
        deadline.setName("waiting.deadline");
        Ui.style(deadline, "muted");
        left.add(deadline);
        left.add(Ui.label("waiting.heartbeat", "muted"), "gaptop 14");
        heartbeat.setName("waiting.heartbeat");
        heartbeat.setIcon(Icons.sized(Icons.HEARTBEAT, 24));
        Ui.style(heartbeat, "h3");
        left.add(heartbeat);
        guard.setName("waiting.guard");
        left.add(guard);
        org.resetdesk.console.ConsoleBuffer buffer = session.ctx().services().console();
        console = buffer == null ? null : new org.resetdesk.ui.ConsoleView(buffer);
        if (console != null) {
            console.setName("waiting.console");
            left.add(Ui.label("waiting.console", "h3"), "gaptop 10");
            left.add(console, "grow, wmin 0, h 120:170:");
        }
        paper = new PaperworkPanel(session, "waiting", true, org.resetdesk.ui.PaperworkService.Receipt.INTAKE,
                j -> {
                    session.job(j);
                    render();
                    loadEvents();
                });
        body.add(left);
        JPanel right = new JPanel(new MigLayout("insets 18, wrap 1, gap 8", "[grow, fill]", "[][grow, fill]"));
        Ui.style(right, "card");
        right.add(Ui.label("waiting.events", "h3"));
        events.setOpaque(false);
        events.setName("waiting.eventList");
        right.add(events, "aligny top, hmax 300");
        right.add(paper, "gaptop 12, growx, wmin 0, hidemode 3");
        body.add(right);
        back("waiting.back", () -> session.show("board"));
        JButton abandon = action("waiting.abandon", "waiting.abandon", false, this::onAbandon);
        abandon.setIcon(Icons.sized(Icons.CROSS, 20));
        reExport = action("waiting.reExport", "waiting.reExport", true, () -> session.show("export"));
        importReply = action("waiting.import", "waiting.importButton", true, () -> session.show("import"));
        importReply.setIcon(Icons.tinted(Icons.REPLY, 22, Theme.color("onAccent")));
    }

    @Override
    public void onShow() {
        render();
        loadEvents();
        tick.start();
        Job job = session.job();
        boolean armed = job != null && job.attempt() != null && job.attempt().isArmed();
        paper.refresh(armed, job != null, false);
        if (console != null) {
            console.start();
        }
    }

    @Override
    public void onHide() {
        tick.stop();
        if (console != null) {
            console.stop();
        }
    }

    @Override
    public JComponent firstFocus() {
        return importReply.isVisible() ? importReply : reExport;
    }

    @Override
    public void jobChanged(Job job) {
        Job mine = session.job();
        if (mine != null && mine.id().equals(job.id()) && isShowing()) {
            render();
            loadEvents();
        }
    }

    private void render() {
        Ui.assertEdt();
        Job job = session.job();
        if (job == null) {
            return;
        }
        boolean armed = job.state().isArmed() && job.attempt() != null && job.attempt().isArmed();
        boolean isVoid = job.state() == JobState.VOIDED;
        banner.setVisible(armed);
        voided.setVisible(isVoid);
        if (isVoid) {
            showVoided(job);
        }
        boolean byMail = job.attempt() != null && job.attempt().method().answeredByMail();
        lead(fmt(armed ? (byMail ? "waiting.leadArmedMail" : "waiting.leadArmed") : isVoid ? "waiting.leadVoid" : "waiting.leadOther",
                job.intake().customerName(), job.device() == null ? "—" : job.device().model()));
        boolean hadFocus = reExport.isFocusOwner() || importReply.isFocusOwner();
        reExport.setVisible(isVoid);
        importReply.setVisible(!isVoid);
        importReply.setEnabled(armed);
        caption.setText(msg(isVoid ? "waiting.status" : "waiting.timeLeft"));
        if (hadFocus || isShowing() && javax.swing.FocusManager.getCurrentManager().getFocusOwner() == null) {
            (isVoid ? reExport : importReply).requestFocusInWindow();
        }
        GuardStatus g = job.guard() == null ? GuardStatus.IDLE : job.guard();
        guard.setText(Messages.get("guard.status." + g));
        Ui.style(guard, g == GuardStatus.ANSWERING ? "ok" : g == GuardStatus.IDLE ? "muted"
                : g == GuardStatus.SILENT || g == GuardStatus.UNCONFIRMED ? "warn" : "bad");
        retime();
        revalidate();
        repaint();
    }

    private void showVoided(Job job) {
        voided.removeAll();
        GuardStatus g = job.guard() == null ? GuardStatus.RESTARTED : job.guard();
        String key = "waiting.void." + g;
        JLabel t = new JLabel(Messages.has(key) ? msg(key) : msg("waiting.void.other"));
        t.setName("waiting.voidTitle");
        Ui.style(t, "h2");
        voided.add(new JLabel(Icons.sized(Icons.WARNING, 40)), "spany 2, aligny top");
        voided.add(t);
        String reason = job.attempt() == null ? "" : job.attempt().voidReason();
        voided.add(Ui.wrapping(fmt("waiting.void.reason", reason), "muted"));
        voided.add(new JLabel());
        voided.add(Ui.wrapping(msg("waiting.void.next"), "lead"));
    }

    private void retime() {
        Job job = session.job();
        if (job == null) {
            return;
        }
        Instant now = session.ctx().clock().instant();
        DeadlineStage stage = Guards.deadlineStage(job, now);
        if (stage == DeadlineStage.NONE || job.deadline() == null) {
            countdown.setText(job.state() == JobState.VOIDED ? msg("state.VOIDED") : "—");
            deadline.setText(" ");
        } else {
            Duration left = Duration.between(now, job.deadline());
            countdown.setText(left.isNegative() ? msg("card.expired") : String.format("%d:%02d:%02d",
                    left.toHours(), left.toMinutesPart(), left.toSecondsPart()));
            deadline.setText(fmt("waiting.validUntil", DAY_HM.withLocale(Messages.locale())
                    .format(job.deadline().atZone(ZoneId.systemDefault()))));
        }
        Ui.style(countdown, stage == DeadlineStage.UNDER_6H ? "bigWarn" : stage == DeadlineStage.UNDER_1H
                || stage == DeadlineStage.EXPIRED || job.state() == JobState.VOIDED ? "bigBad" : "big");
        if (job.lastObservation() != null && job.lastObservation().at() != null) {
            long s = Math.max(0, Duration.between(job.lastObservation().at(), now).toSeconds());
            heartbeat.setText(fmt("waiting.lastSeen", s, HMS.format(job.lastObservation().at()
                    .atZone(ZoneId.systemDefault()))));
        } else {
            heartbeat.setText(msg("waiting.notSeen"));
        }
    }

    private void loadEvents() {
        Job job = session.job();
        if (job == null) {
            return;
        }
        String id = job.id();
        session.jobs().events(id).whenCompleteAsync((list, err) -> {
            if (err != null || session.job() == null || !session.job().id().equals(id)) {
                return;
            }
            showEvents(list);
        }, Ui.EDT);
    }

    private void showEvents(List<JobEvent> list) {
        events.removeAll();
        boolean isVoid = session.job() != null && session.job().state() == JobState.VOIDED;
        int from = Math.max(0, list.size() - (isVoid ? 4 : 8));
        for (int i = list.size() - 1; i >= from; i--) {
            JobEvent e = list.get(i);
            JLabel at = new JLabel(HMS.format(e.at().atZone(ZoneId.systemDefault())));
            Ui.style(at, "muted");
            String key = "event." + e.type();
            String text = Messages.has(key) ? msg(key) : e.type();
            boolean detailed = e.detail() != null && e.type().matches("(guard|reset|deadline|handoff)\\..*");
            String detail = detailed ? " — " + e.detail() : "";
            JLabel what = new JLabel(text + (detail.length() > 72 ? detail.substring(0, 71) + "…" : detail));
            Ui.style(what, e.type().startsWith("guard.voided") || e.type().equals("state.VOIDED") ? "bad" : null);
            events.add(at, "aligny top");
            events.add(what, "wmin 0");
        }
        events.revalidate();
        events.repaint();
    }

    private void onAbandon() {
        Job job = session.job();
        Confirm.ask(session, "waiting.abandonTitle", msg("waiting.abandonText"), "waiting.abandonYes",
                () -> session.jobs().abandon(job.id(), "abandoned at the counter by " + session.staff().id())
                        .whenCompleteAsync((j, err) -> {
                            if (err != null) {
                                lead(Ui.describe(err));
                            } else {
                                session.show("board");
                            }
                        }, Ui.EDT));
    }
}
