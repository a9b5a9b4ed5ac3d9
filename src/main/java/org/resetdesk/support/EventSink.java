package org.resetdesk.support;

import java.util.List;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

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

    /** Appends each event to its job in the repository (the job snapshot is saved unchanged). */
    static EventSink into(JobRepository repository) {
        return e -> repository.find(e.jobId()).ifPresent(job -> repository.save(job, List.of(e)));
    }
}
