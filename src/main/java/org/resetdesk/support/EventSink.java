package org.resetdesk.support;

import java.util.List;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;
import org.resetdesk.job.JobService;

/**
 * Where support reports what it did (sent, queued, failed, reply received). Called from the outbox and watcher
 * threads: implementations are thread-safe. A failing sink must not stop delivery, so callers catch its errors.
 */
@FunctionalInterface
public interface EventSink {
    void record(JobEvent event);

    /** This sink, with failures logged instead of thrown (a delivered mail must not look failed). */
    static EventSink safe(EventSink inner) {
        return e -> {
            try {
                inner.record(e);
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(EventSink.class).error("could not record {} for {}: {}",
                        e.type(), e.jobId(), ex.toString());
            }
        };
    }

    /**
     * Records each event through {@link JobService#note}, under the job's lock and with its listeners told: the way
     * to wire the kiosk, where the UI and the watchdog change the same jobs at the same time.
     */
    static EventSink through(JobService service) {
        return e -> service.note(e.jobId(), e.type(), e.detail()).join();
    }

    /**
     * Appends each event to its job in the repository, saving the job snapshot unchanged. Only where nothing else
     * changes the job meanwhile (a find-then-save would overwrite a concurrent change): tests, one-shot tools.
     */
    static EventSink into(JobRepository repository) {
        return e -> repository.find(e.jobId()).ifPresent(job -> repository.save(job, List.of(e)));
    }
}
