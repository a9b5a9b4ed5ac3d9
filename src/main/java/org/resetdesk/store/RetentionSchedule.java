package org.resetdesk.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge from the kiosk itself: soon after start and then once a day, on its own low-priority
 * thread (never the watchdog's or the event thread). A failed run (disk full, database busy) is logged and retried at
 * the next tick; it never stops the schedule. {@code retention.days} is checked when the schedule starts.
 */
public final class RetentionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Retention retention;
    private final int days;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private RetentionSchedule(Retention retention, int days, Clock clock) {
        if (days < 1) {
            throw new IllegalArgumentException("retention.days must be at least 1, not " + days);
        }
        this.retention = retention;
        this.days = days;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Starts purging after {@code firstDelay}, then every {@code period} (measured from the end of a run). */
    public static RetentionSchedule start(Retention retention, int days, Clock clock, Duration firstDelay,
            Duration period) {
        RetentionSchedule s = new RetentionSchedule(retention, days, clock);
        s.timer.scheduleWithFixedDelay(s::runOnce, firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    private void runOnce() {
        try {
            List<String> purged = retention.purge(days, clock);
            if (!purged.isEmpty()) {
                LOG.info("retention: personal data removed from {} job(s) finished more than {} days ago",
                        purged.size(), days);
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("retention purge failed, trying again at the next run: {}", e.getMessage());
        } finally {
            runs.incrementAndGet();
        }
    }

    /** Runs finished so far (successful or not). */
    public int runs() {
        return runs.get();
    }

    /** Runs that failed so far. */
    public int failures() {
        return failures.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // a purge in progress finishes its job before the store closes under it
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("retention purge still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
