package org.resetdesk.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

/**
 * Takes replies in from any source (watched folder, USB stick, mailbox, staff upload): checks size and shape,
 * matches the reply to its open job, stores it with its SHA-256 through {@link Artifacts} and records a
 * {@code reply.received} event. A reply that matches no job (or two) waits in {@link #pending()} for staff to
 * {@link #assign} it; the same bytes offered twice are stored once. Thread-safe.
 */
public final class ReplyIntake {

    /** A reply as it arrived. {@code subject} is null for files. */
    public record Reply(String source, String fileName, String subject, byte[] bytes) {}

    public sealed interface Result permits Accepted, Rejected, Unmatched, Duplicate {}

    public record Accepted(String jobId, Artifacts.Stored stored, String how, ReplyCheck.Shape shape)
            implements Result {}

    public record Rejected(String reason) implements Result {}

    public record Unmatched(String sha256) implements Result {}

    public record Duplicate(String jobId, String sha256) implements Result {}

    /** A reply waiting for staff to choose its job. */
    public record Pending(String sha256, Reply reply, ReplyCheck.Shape shape) {}

    private final JobRepository jobs;
    private final Artifacts artifacts;
    private final EventSink events;
    private final Clock clock;
    private final ReplyCheck check;
    private final Consumer<Accepted> onAccepted;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** @param onAccepted called after each accepted reply (moves the job on, notifies the customer) */
    public ReplyIntake(JobRepository jobs, Artifacts artifacts, EventSink events, Clock clock, ReplyCheck check,
                       Consumer<Accepted> onAccepted) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.events = events;
        this.clock = clock;
        this.check = check;
        this.onAccepted = onAccepted;
    }

    public int maxBytes() {
        return check.maxBytes();
    }

    public synchronized Result offer(Reply reply) {
        ReplyCheck.Verdict v = check.check(reply.bytes());
        if (!v.ok()) {
            String why = reply.fileName() + " from " + reply.source() + " refused: " + v.problem();
            ReplyMatcher.match(jobs.openJobs(), reply.fileName(), reply.subject()).ifPresent(m -> events.record(
                    JobEvent.of(m.job().id(), clock.instant(), SupportEvents.REPLY_REJECTED, why)));
            return new Rejected(why);
        }
        String sha = sha256(reply.bytes());
        Optional<ReplyMatcher.Match> match = ReplyMatcher.match(jobs.openJobs(), reply.fileName(), reply.subject());
        if (match.isEmpty()) {
            pending.putIfAbsent(sha, new Pending(sha, reply, v.shape()));
            return new Unmatched(sha);
        }
        return store(match.get().job(), reply, sha, match.get().how(), v.shape());
    }

    /** Staff chose the job for a pending reply. */
    public synchronized Result assign(String sha256, String jobId) {
        Pending p = pending.get(sha256);
        if (p == null) {
            return new Rejected("no pending reply " + sha256);
        }
        Optional<Job> job = jobs.find(jobId).filter(Job::isOpen);
        if (job.isEmpty()) {
            return new Rejected("job " + jobId + " is not open");
        }
        Result r = store(job.get(), p.reply(), sha256, "staff choice", p.shape());
        pending.remove(sha256);
        return r;
    }

    public List<Pending> pending() {
        return List.copyOf(pending.values());
    }

    private Result store(Job job, Reply reply, String sha, String how, ReplyCheck.Shape shape) {
        boolean seen = jobs.events(job.id()).stream()
                .anyMatch(e -> e.type().equals(SupportEvents.REPLY_RECEIVED) && e.detail().contains(sha));
        if (seen) {
            pending.remove(sha);
            return new Duplicate(job.id(), sha);
        }
        Artifacts.Stored stored = artifacts.store(job.id(), safeName(reply.fileName()), reply.bytes());
        if (!stored.sha256().equalsIgnoreCase(sha)) {
            throw new IllegalStateException("the stored reply's SHA-256 differs from the received bytes");
        }
        events.record(JobEvent.of(job.id(), clock.instant(), SupportEvents.REPLY_RECEIVED,
                "reply " + reply.fileName() + " (" + reply.bytes().length + " bytes, " + shape + ", sha256 " + sha
                        + ") from " + reply.source() + ", matched by " + how));
        Accepted a = new Accepted(job.id(), stored, how, shape);
        pending.remove(sha);
        onAccepted.accept(a);
        return a;
    }

    static String safeName(String name) {
        String n = name == null ? "reply" : name.replaceAll(".*[/\\\\]", "");
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "reply" + n : n;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
