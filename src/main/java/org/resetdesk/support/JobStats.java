package org.resetdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

/**
 * The shop's figures, computed from jobs and their events only (no store, no clock): jobs per day and per staff
 * member, success rate, turnaround from export to reply, and voided attempts by reason. Pure and thread-safe.
 */
public final class JobStats {
    /** Event types that mark an export, a reply, and a voided attempt. */
    static final Set<String> EXPORT_TYPES = Set.of("state.REQUEST_EXPORTED", "export.written");
    static final Set<String> REPLY_TYPES = Set.of(SupportEvents.REPLY_RECEIVED, "state.REPLY_RECEIVED");
    static final Set<String> VOID_TYPES = Set.of("guard.voided", "attempt.voided");

    private JobStats() {}

    /** Turnaround figures; all null when there was no export followed by a reply. */
    public record Turnaround(int count, Duration median, Duration mean, Duration max) {}

    public record Report(LocalDate from, LocalDate to, int jobs, SortedMap<LocalDate, Long> perDay,
                         SortedMap<String, Long> perStaff, int succeeded, int abandoned, Optional<Double> successRate,
                         Turnaround turnaround, SortedMap<String, Long> voidedByReason) {}

    /** Jobs opened from {@code from} to {@code to} (inclusive, shop time zone) and their events. */
    public static Report compute(List<Job> jobs, List<JobEvent> events, ZoneId zone, LocalDate from, LocalDate to) {
        List<Job> in = jobs.stream().filter(j -> within(j.createdAt(), zone, from, to)).toList();
        Set<String> ids = in.stream().map(Job::id).collect(Collectors.toSet());
        Map<String, List<JobEvent>> byJob = events.stream().filter(e -> ids.contains(e.jobId()))
                .sorted(Comparator.comparing(JobEvent::at).thenComparingLong(JobEvent::seq))
                .collect(Collectors.groupingBy(JobEvent::jobId));

        SortedMap<LocalDate, Long> perDay = new TreeMap<>(in.stream().collect(Collectors.groupingBy(
                j -> j.createdAt().atZone(zone).toLocalDate(), Collectors.counting())));
        SortedMap<String, Long> perStaff = new TreeMap<>(in.stream().collect(Collectors.groupingBy(
                j -> j.intake() == null || j.intake().staffId() == null ? "(unknown)" : j.intake().staffId(),
                Collectors.counting())));
        int ok = (int) in.stream().filter(JobStats::succeeded).count();
        int abandoned = (int) in.stream().filter(j -> j.state() == JobState.ABANDONED).count();
        Optional<Double> rate = ok + abandoned == 0 ? Optional.empty() : Optional.of((double) ok / (ok + abandoned));

        List<Duration> turns = new ArrayList<>();
        SortedMap<String, Long> voided = new TreeMap<>();
        for (Job j : in) {
            List<JobEvent> ev = byJob.getOrDefault(j.id(), List.of());
            turns.addAll(turnarounds(ev));
            List<String> reasons = ev.stream().filter(e -> VOID_TYPES.contains(e.type())).map(JobEvent::detail)
                    .toList();
            if (reasons.isEmpty() && j.attempt() != null && j.attempt().voidReason() != null) {
                reasons = List.of(j.attempt().voidReason());
            }
            reasons.forEach(r -> voided.merge(reasonCategory(r), 1L, Long::sum));
        }
        return new Report(from, to, in.size(), perDay, perStaff, ok, abandoned, rate, turnaround(turns), voided);
    }

    static boolean succeeded(Job j) {
        return j.state() == JobState.PASSWORD_SET || j.state() == JobState.AFTERCARE || j.state() == JobState.CLOSED;
    }

    /** Each reply paired with the latest export before it; a second reply to the same export does not count. */
    static List<Duration> turnarounds(List<JobEvent> sorted) {
        List<Duration> out = new ArrayList<>();
        Instant exported = null;
        for (JobEvent e : sorted) {
            if (EXPORT_TYPES.contains(e.type())) {
                exported = e.at();
            } else if (REPLY_TYPES.contains(e.type()) && exported != null) {
                out.add(Duration.between(exported, e.at()));
                exported = null;
            }
        }
        return out;
    }

    /** The guard's reason without its particulars ("network changed: IP a → b" counts as "network changed"). */
    static String reasonCategory(String detail) {
        String d = detail == null ? "" : detail;
        for (String known : List.of(Guards.RESTARTED, Guards.NETWORK_CHANGED, Guards.EXPIRED, Guards.REPLACED)) {
            if (d.contains(known)) {
                return known;
            }
        }
        return d.contains("abandoned") ? "abandoned" : "other";
    }

    private static Turnaround turnaround(List<Duration> turns) {
        if (turns.isEmpty()) {
            return new Turnaround(0, null, null, null);
        }
        List<Duration> s = turns.stream().sorted().toList();
        int n = s.size();
        Duration median = n % 2 == 1 ? s.get(n / 2) : s.get(n / 2 - 1).plus(s.get(n / 2)).dividedBy(2);
        Duration total = s.stream().reduce(Duration.ZERO, Duration::plus);
        return new Turnaround(n, median, total.dividedBy(n), s.get(n - 1));
    }

    private static boolean within(Instant t, ZoneId zone, LocalDate from, LocalDate to) {
        LocalDate d = t.atZone(zone).toLocalDate();
        return !d.isBefore(from) && !d.isAfter(to);
    }
}
