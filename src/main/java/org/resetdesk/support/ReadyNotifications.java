package org.resetdesk.support;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobListener;
import org.slf4j.LoggerFactory;

/**
 * Listens to the job engine and tells the customer "your recorder is ready" once, when a job reaches PASSWORD_SET
 * (its {@code state.PASSWORD_SET} event). {@link CustomerNotifier} decides whether the customer agreed and left an
 * address, and records the decision as a job event. The work runs on its own daemon thread: listeners are called
 * under the job's lock, and recording the decision takes that lock again from the I/O pool.
 */
public final class ReadyNotifications implements JobListener, AutoCloseable {
    /** The event the job engine writes when the new password is set (reset, activation, direct methods). */
    public static final String PASSWORD_SET = "state.PASSWORD_SET";

    private final CustomerNotifier notifier;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "resetdesk-notify");
        t.setDaemon(true);
        return t;
    });

    public ReadyNotifications(CustomerNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void jobChanged(Job job, List<JobEvent> events) {
        if (events.stream().noneMatch(e -> PASSWORD_SET.equals(e.type()))) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    notifier.recorderReady(job);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(ReadyNotifications.class).warn("ready notification for {} failed: {}",
                            job.id(), e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LoggerFactory.getLogger(ReadyNotifications.class).warn("shutting down: no ready notification for {}",
                    job.id());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
