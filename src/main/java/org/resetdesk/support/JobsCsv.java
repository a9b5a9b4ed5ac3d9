package org.resetdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/**
 * One CSV row per job (RFC 4180, UTF-8, CRLF, cells escaped and formula-guarded as in {@link ReportCsv}): who opened
 * it, the customer as the store holds them (empty after the retention purge), the device, the method, export and
 * reply times, turnaround and why attempts were voided. Never a password: the store holds none. Pure.
 */
public final class JobsCsv {
    /** The header row's columns, in order. */
    public static final List<String> COLUMNS = List.of("job_id", "opened", "state", "staff", "customer_name",
            "customer_contact", "label_serial", "model", "serial", "method", "attempts", "exported", "reply",
            "turnaround_minutes", "voided", "abandon_reason", "last_change");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private JobsCsv() {}

    /** Rows for {@code jobs} (oldest first), using their {@code events} for reply times and voided attempts. */
    public static String toCsv(List<Job> jobs, List<JobEvent> events, ZoneId zone) {
        Map<String, List<JobEvent>> byJob = events.stream()
                .sorted(Comparator.comparing(JobEvent::at).thenComparingLong(JobEvent::seq))
                .collect(Collectors.groupingBy(JobEvent::jobId));
        StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        jobs.stream().sorted(Comparator.comparing(Job::createdAt).thenComparing(Job::id))
                .forEach(j -> row(b, j, byJob.getOrDefault(j.id(), List.of()), zone));
        return b.toString();
    }

    private static void row(StringBuilder b, Job j, List<JobEvent> ev, ZoneId zone) {
        var in = j.intake();
        var d = j.device();
        Instant exported = j.attempt() == null ? null : j.attempt().exportedAt();
        Instant reply = exported == null ? null : ev.stream()
                .filter(e -> JobStats.REPLY_TYPES.contains(e.type()) && !e.at().isBefore(exported))
                .map(JobEvent::at).findFirst().orElse(null);
        Set<String> voided = new LinkedHashSet<>();
        ev.stream().filter(e -> JobStats.VOID_TYPES.contains(e.type()))
                .forEach(e -> voided.add(JobStats.reasonCategory(e.detail())));
        if (voided.isEmpty() && j.attempt() != null && j.attempt().voidReason() != null) {
            voided.add(JobStats.reasonCategory(j.attempt().voidReason()));
        }
        List<String> cells = List.of(j.id(), time(j.createdAt(), zone), j.state().name(),
                in == null ? "" : text(in.staffId()), in == null ? "" : text(in.customerName()),
                in == null ? "" : text(in.customerContact()), in == null ? "" : text(in.labelSerial()),
                d == null ? "" : text(d.model()), d == null ? "" : text(d.serial()),
                j.method() == null ? "" : j.method().name(), Integer.toString(j.attemptCount()),
                time(exported, zone), time(reply, zone),
                reply == null ? "" : String.format(Locale.ROOT, "%.1f",
                        Duration.between(exported, reply).toSeconds() / 60.0),
                String.join("; ", voided), text(j.abandonReason()), time(j.updatedAt(), zone));
        b.append(cells.stream().map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }
}
