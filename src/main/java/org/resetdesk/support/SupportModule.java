package org.resetdesk.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobRepository;

/**
 * Everything of the support area wired together, for {@code Main} (kiosk) and the CLI: the outbox under
 * {@code <data.dir>/outbox} and its sender, reply intake from the reply folder ({@code reply.folder}) and the
 * mailbox ({@code imap.*}), customer notifications (a reply that arrives notifies the customer when they agreed)
 * and the daily summary. {@link #start()} starts the background threads; the CLI does not need to.
 */
public final class SupportModule implements AutoCloseable {
    /** How often the reply folder is rescanned and the mailbox polled. */
    public static final Duration RESCAN = Duration.ofSeconds(10);
    public static final Duration MAIL_POLL = Duration.ofMinutes(2);

    private final SupportSettings settings;
    private final JobRepository jobs;
    private final Clock clock;
    private final ZoneId zone;
    private final EventSink events;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final ReplyIntake intake;
    private final CustomerNotifier notifier;
    private ReplyWatcher watcher;
    private ImapReplyPoller poller;
    private final Path dataDir;
    private ReadyNotifications ready;
    private DailySummarySchedule summaries;

    /**
     * @param events where support's events go: {@link EventSink#through(org.resetdesk.job.JobService)} in the kiosk
     *     and the CLI; failures to record are logged, never thrown
     * @param onReply told about each accepted reply after it is stored (the kiosk moves the job to REPLY_RECEIVED
     *     and shows it); called on a background thread
     */
    public SupportModule(SupportSettings settings, Path dataDir, JobRepository jobs, Artifacts artifacts,
                         EventSink events, Clock clock, ZoneId zone, Consumer<ReplyIntake.Accepted> onReply) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.jobs = jobs;
        this.clock = clock;
        this.zone = zone;
        this.events = EventSink.safe(events);
        this.outbox = new Outbox(dataDir.resolve("outbox"));
        this.sender = settings.smtp() == null ? null : new OutboxSender(outbox, new SmtpMailer(settings.smtp()),
                events, clock, Duration.ofSeconds(15), Duration.ofMinutes(15));
        this.notifier = new CustomerNotifier(settings, outbox, this::wake, events, clock, zone);
        this.intake = new ReplyIntake(jobs, artifacts, events, clock, new ReplyCheck(ReplyCheck.DEFAULT_MAX_BYTES),
                a -> {
                    onReply.accept(a);
                    jobs.find(a.jobId()).ifPresent(notifier::replyArrived);
                });
    }

    /** Starts the outbox sender, the reply folder watch and the mailbox poller (those that are configured). */
    public synchronized SupportModule start() {
        if (sender != null) {
            sender.start();
        }
        if (settings.replyFolder() != null && watcher == null) {
            watcher = new ReplyWatcher(settings.replyFolder(), intake, RESCAN, Duration.ofSeconds(1), r -> { });
            watcher.start();
        }
        if (settings.imap() != null && poller == null) {
            poller = new ImapReplyPoller(settings.imap(), intake, r -> { });
            poller.start(MAIL_POLL);
        }
        return this;
    }

    private void wake() {
        if (sender != null) {
            sender.wake();
        }
    }

    public Outbox outbox() {
        return outbox;
    }

    public ReplyIntake replies() {
        return intake;
    }

    public CustomerNotifier notifier() {
        return notifier;
    }

    public DailySummaryMailer dailySummary() {
        return new DailySummaryMailer(settings, outbox, this::wake, clock, zone);
    }

    /**
     * The listener that tells a consenting customer their recorder is ready when the job reaches PASSWORD_SET; the
     * kiosk adds it to its {@code JobService}. One per module, closed with it.
     */
    public synchronized ReadyNotifications readyNotifications() {
        if (ready == null) {
            ready = new ReadyNotifications(notifier);
        }
        return ready;
    }

    /** Whether the manager's daily summary can go out: {@code manager.email} and a mail server are set. */
    public boolean summaryConfigured() {
        return settings.managerEmail() != null && settings.smtp() != null;
    }

    /**
     * Starts the daily summary checks (after {@code firstDelay}, then every {@code period}); the last day sent is
     * remembered in {@code <data.dir>/reports/daily-summary.last}. Empty when the summary is not configured.
     */
    public synchronized Optional<DailySummarySchedule> startDailySummary(Duration firstDelay, Duration period) {
        if (!summaryConfigured()) {
            return Optional.empty();
        }
        if (summaries == null) {
            ReportCore report = reportCore();
            DailySummaryMailer mailer = dailySummary();
            summaries = new DailySummarySchedule(day -> {
                var js = report.jobs(day, day);
                return mailer.send(day, js, js.stream().flatMap(j -> jobs.events(j.id()).stream()).toList());
            }, dataDir.resolve("reports").resolve("daily-summary.last"), clock, zone).start(firstDelay, period);
        }
        return Optional.of(summaries);
    }

    /** The reports ({@code report csv}, {@code report daily-summary}) over this module's store and outbox. */
    public ReportCore reportCore() {
        return new ReportCore(jobs, settings, outbox, events, clock, zone);
    }

    /** The e-mail hand-off to {@code to} (null: {@code support.email}); empty without a mail server. */
    public Optional<HandOff> email(String to) {
        String address = to != null ? to : settings.supportEmail();
        if (settings.smtp() == null || address == null) {
            return Optional.empty();
        }
        return Optional.of(new SmtpHandOff(settings.smtp().from(), address, outbox, this::wake, events, clock));
    }

    /** The folder hand-off to {@code folder} (null: {@code handoff.folder}); empty when none is configured. */
    public Optional<HandOff> folder(Path folder) {
        Path f = folder != null ? folder : settings.handoffFolder();
        return f == null ? Optional.empty() : Optional.of(new FolderHandOff(f, events, clock));
    }

    public SendCommandCore sendCore(PacketSource source, BiConsumer<String, HandOff.Receipt> afterHandOff) {
        return new SendCommandCore(jobs::find, source, settings, outbox, events, clock, zone, afterHandOff);
    }

    public ReceiptCommandCore receiptCore(Function<Job, HandBackResults> handBack) {
        return new ReceiptCommandCore(jobs::find, handBack, settings, events, clock, zone);
    }

    @Override
    public synchronized void close() {
        if (summaries != null) {
            summaries.close();
        }
        if (ready != null) {
            ready.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (poller != null) {
            poller.close();
        }
        if (sender != null) {
            sender.close();
        }
    }
}
