package org.resetdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

/**
 * The report use cases behind {@code report csv} and {@code report daily-summary}: the per-job CSV of all jobs (or
 * those opened in a date range, shop time), written atomically and readable by its owner only since it holds
 * personal data; and the manager's daily summary queued in the outbox with one immediate delivery try. Blocking.
 */
public final class ReportCore implements AutoCloseable {
    private final JobRepository repo;
    private final SupportSettings settings;
    private final Outbox outbox;
    private final EventSink events;
    private final Clock clock;
    private final ZoneId zone;
    private volatile AutoCloseable closer = () -> { };

    /** Refused before anything was written or queued; the message is one line for people. */
    public static final class ReportRefused extends RuntimeException {
        public ReportRefused(String message) {
            super(message);
        }
    }

    public record Written(Path file, int jobs) {}

    /** A queued summary; {@code deliveredNow} is false when it waits in the outbox for the mail server. */
    public record Summary(LocalDate day, String messageId, String to, boolean deliveredNow) {}

    public ReportCore(JobRepository repo, SupportSettings settings, Outbox outbox, EventSink events, Clock clock,
                      ZoneId zone) {
        this.repo = repo;
        this.settings = settings;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** Closes {@code resources} (the CLI's store) when this core is closed; returns this core. */
    public ReportCore closing(AutoCloseable resources) {
        this.closer = resources;
        return this;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ReportCore.class).warn("closing the report's store: {}", e.toString());
        }
    }

    /** The day before today, shop time: what a summary run without {@code --date} covers. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(zone)).minusDays(1);
    }

    /** Every job in the store (open and finished), or those opened from {@code from} to {@code to} inclusive. */
    public List<Job> jobs(LocalDate from, LocalDate to) {
        List<Job> all = new ArrayList<>(repo.openJobs());
        all.addAll(repo.searchClosed("", Integer.MAX_VALUE));
        return all.stream().filter(j -> {
            LocalDate d = j.createdAt().atZone(zone).toLocalDate();
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }).toList();
    }

    /** Writes the per-job CSV to {@code out}; {@code from}/{@code to} may be null (open-ended). */
    public Written csv(Path out, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ReportRefused("--from " + from + " is after --to " + to);
        }
        List<Job> jobs = jobs(from, to);
        byte[] bytes = JobsCsv.toCsv(jobs, eventsOf(jobs), zone).getBytes(StandardCharsets.UTF_8);
        Path target = out.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ownerOnly(tmp);
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new ReportRefused("cannot write " + out + ": " + e.getMessage());
        }
        return new Written(target, jobs.size());
    }

    /** Queues the summary of {@code day} for {@code manager.email} and tries to deliver it once, now. */
    public Summary dailySummary(LocalDate day) {
        if (settings.managerEmail() == null) {
            throw new ReportRefused("no manager address is configured (manager.email)");
        }
        if (settings.smtp() == null) {
            throw new ReportRefused("no mail server is configured (smtp.host)");
        }
        try (OutboxSender sender = new OutboxSender(outbox, new SmtpMailer(settings.smtp()), events, clock,
                Duration.ofSeconds(30), Duration.ofMinutes(15))) {
            List<Job> jobs = jobs(day, day);
            String id = new DailySummaryMailer(settings, outbox, () -> { }, clock, zone).send(day, jobs,
                    eventsOf(jobs)).orElseThrow(() -> new ReportRefused("the summary is not configured"));
            sender.runOnce();
            boolean left = outbox.pending().stream().noneMatch(e -> holds(e, id));
            return new Summary(day, id, settings.managerEmail(), left);
        } catch (UncheckedIOException e) {
            throw new ReportRefused("outbox " + outbox.dir() + ": " + e.getMessage());
        }
    }

    private List<JobEvent> eventsOf(List<Job> jobs) {
        return jobs.stream().flatMap(j -> repo.events(j.id()).stream()).toList();
    }

    private boolean holds(Outbox.Entry e, String messageId) {
        try {
            return messageId.equals(outbox.load(e, jakarta.mail.Session.getInstance(new java.util.Properties()))
                    .getMessageID());
        } catch (Exception ex) {
            return false;
        }
    }

    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (a USB stick): the folder's own rules apply
        }
    }
}
