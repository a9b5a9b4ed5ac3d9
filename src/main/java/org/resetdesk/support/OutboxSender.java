package org.resetdesk.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.resetdesk.job.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: one daemon thread ("resetdesk-outbox") sends each queued message and removes it only after
 * the server accepted it; a failure leaves it queued and retries it with exponential backoff ({@code initial},
 * doubling, at most {@code max}), forever. Each attempt, failure and success becomes a job event naming the
 * Message-ID. A message can be delivered twice only if the process dies between the server's acceptance and the
 * removal of the spool file (at least once, never lost). Thread-safe; {@link #close()} stops the thread.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final SmtpMailer mailer;
    private final EventSink events;
    private final Clock clock;
    private final Duration initial;
    private final Duration max;
    private final ScheduledExecutorService thread;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextTry = new ConcurrentHashMap<>();
    private ScheduledFuture<?> scheduled;

    public OutboxSender(Outbox outbox, SmtpMailer mailer, EventSink events, Clock clock, Duration initial,
                        Duration max) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
        this.initial = initial;
        this.max = max;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resetdesk-outbox");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts delivering what is queued (including what an earlier run left). */
    public void start() {
        wake();
    }

    /** Delivers due messages now (after an enqueue); safe from any thread. */
    public synchronized void wake() {
        if (thread.isShutdown()) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = thread.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
    }

    private void loop() {
        Duration wait;
        try {
            wait = runOnce();
        } catch (RuntimeException e) {
            LOG.warn("outbox pass failed: {}", e.toString());
            wait = max;
        }
        // when idle, look again after the ceiling: another process (the CLI) may have queued into the same spool
        Duration next = wait == null ? max : wait;
        synchronized (this) {
            if (!thread.isShutdown()) {
                scheduled = thread.schedule(this::loop, Math.max(1, next.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * One delivery pass over the due messages, on the calling thread (the CLI uses it directly). Returns how long
     * until the next message is due, or null when the outbox is empty.
     */
    public Duration runOnce() {
        Optional<AutoCloseable> lock = outbox.tryLock();
        if (lock.isEmpty()) {
            return initial; // another process is delivering
        }
        try (AutoCloseable held = lock.get()) {
            Duration soonest = null;
            for (Outbox.Entry e : outbox.pending()) {
                Instant now = clock.instant();
                Instant due = nextTry.getOrDefault(e.name(), Instant.MIN);
                if (due.isAfter(now)) {
                    soonest = min(soonest, Duration.between(now, due));
                    continue;
                }
                Duration retry = deliver(e);
                if (retry != null) {
                    soonest = min(soonest, retry);
                }
            }
            return soonest;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    /** Returns null when delivered (or set aside), else the delay before the next try. */
    private Duration deliver(Outbox.Entry e) {
        MimeMessage m;
        String id;
        String jobId;
        try {
            m = outbox.load(e, mailer.session());
            id = m.getMessageID();
            jobId = m.getHeader(MailComposer.JOB_HEADER, null);
        } catch (IOException | MessagingException ex) {
            var where = outbox.hold(e);
            LOG.error("unreadable outbox message set aside at {}: {}", where, ex.toString());
            return null;
        }
        int n = failures.getOrDefault(e.name(), 0) + 1;
        report(jobId, SupportEvents.HANDOFF_ATTEMPT, "message " + id + ": attempt " + n);
        try {
            mailer.send(m);
        } catch (MessagingException | RuntimeException ex) {
            failures.put(e.name(), n);
            Duration retry = backoff(n);
            nextTry.put(e.name(), clock.instant().plus(retry));
            report(jobId, SupportEvents.HANDOFF_FAILED, "message " + id + ": attempt " + n + " failed ("
                    + oneLine(ex) + "); stays in the outbox, next try in " + retry.toMillis() + " ms");
            return retry;
        }
        outbox.remove(e);
        failures.remove(e.name());
        nextTry.remove(e.name());
        report(jobId, SupportEvents.HANDOFF_DELIVERED, "message " + id + ": accepted by the mail server after "
                + n + (n == 1 ? " attempt" : " attempts"));
        return null;
    }

    Duration backoff(int failuresSoFar) {
        Duration d = initial.multipliedBy(1L << Math.min(20, failuresSoFar - 1));
        return d.compareTo(max) > 0 ? max : d;
    }

    private void report(String jobId, String type, String detail) {
        if (jobId == null) {
            LOG.info("{} {}", type, detail);
            return;
        }
        try {
            events.record(JobEvent.of(jobId, clock.instant(), type, detail));
        } catch (RuntimeException ex) {
            LOG.warn("could not record {} for {}: {}", type, jobId, ex.toString());
        }
    }

    private static String oneLine(Exception ex) {
        String s = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        Throwable c = ex.getCause();
        if (c != null) {
            s += " / " + c.getClass().getSimpleName() + ": " + c.getMessage();
        }
        return s.replaceAll("\\s+", " ");
    }

    private static Duration min(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    @Override
    public void close() {
        synchronized (this) {
            thread.shutdownNow();
        }
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
