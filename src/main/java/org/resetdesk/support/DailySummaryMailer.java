package org.resetdesk.support;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

/**
 * The daily summary for the manager ({@code manager.email}): the day's figures in the mail text and as CSV,
 * queued in the outbox. Does nothing when no manager address or no mail server is configured. The kiosk sends it
 * through {@link DailySummarySchedule} ({@link SupportModule#startDailySummary}); {@code report daily-summary}
 * through {@link ReportCore}.
 */
public final class DailySummaryMailer {
    private final SupportSettings settings;
    private final Outbox outbox;
    private final Runnable wakeSender;
    private final Clock clock;
    private final ZoneId zone;

    public DailySummaryMailer(SupportSettings settings, Outbox outbox, Runnable wakeSender, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.outbox = outbox;
        this.wakeSender = wakeSender;
        this.clock = clock;
        this.zone = zone;
    }

    /** Queues the summary of {@code day}; the message id, or empty when not configured. */
    public Optional<String> send(LocalDate day, List<Job> jobs, List<JobEvent> events) {
        if (settings.managerEmail() == null || settings.smtp() == null) {
            return Optional.empty();
        }
        JobStats.Report r = JobStats.compute(jobs, events, zone, day, day);
        String csv = ReportCsv.toCsv(r);
        var m = MailComposer.compose(null, settings.smtp().from(), settings.managerEmail(),
                "ResetDesk daily summary " + day + (settings.shopName() == null ? "" : " — " + settings.shopName()),
                text(r), List.of(new MailComposer.Attachment("resetdesk-" + day + ".csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))), clock.instant());
        String id = outbox.enqueue(m);
        wakeSender.run();
        return Optional.of(id);
    }

    /** Reads the jobs (open, and closed up to {@code limit}) and their events from the store, then sends. */
    public Optional<String> send(LocalDate day, JobRepository repository, int limit) {
        List<Job> jobs = new ArrayList<>(repository.openJobs());
        jobs.addAll(repository.searchClosed("", limit));
        List<JobEvent> events = jobs.stream().flatMap(j -> repository.events(j.id()).stream()).toList();
        return send(day, jobs, events);
    }

    /**
     * Sends yesterday's summary every day at {@code at} (shop time) on {@code scheduler}; failures are logged by
     * the outbox, never thrown into the scheduler.
     */
    public void scheduleDaily(ScheduledExecutorService scheduler, LocalTime at, JobRepository repository) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime first = now.with(at);
        if (!first.isAfter(now)) {
            first = first.plusDays(1);
        }
        scheduler.scheduleAtFixedRate(() -> {
            try {
                send(LocalDate.now(clock.withZone(zone)).minusDays(1), repository, 100_000);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DailySummaryMailer.class).warn("daily summary failed: {}",
                        e.toString());
            }
        }, Duration.between(now, first).toMillis(), Duration.ofDays(1).toMillis(), TimeUnit.MILLISECONDS);
    }

    static String text(JobStats.Report r) {
        StringBuilder b = new StringBuilder("Jobs opened: ").append(r.jobs()).append('\n');
        r.perStaff().forEach((s, n) -> b.append("  by ").append(s).append(": ").append(n).append('\n'));
        b.append("Succeeded: ").append(r.succeeded()).append(", abandoned: ").append(r.abandoned());
        r.successRate().ifPresent(x -> b.append(String.format(Locale.ROOT, " (success rate %.0f%%)", x * 100)));
        b.append('\n');
        JobStats.Turnaround t = r.turnaround();
        if (t.count() > 0) {
            b.append("Support turnaround (export to reply): median ").append(t.median().toMinutes())
                    .append(" min, longest ").append(t.max().toMinutes()).append(" min, ").append(t.count())
                    .append(" replies\n");
        }
        r.voidedByReason().forEach((k, n) -> b.append("Voided (").append(k).append("): ").append(n).append('\n'));
        return b.toString();
    }
}
