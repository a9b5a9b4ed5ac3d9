package org.resetdesk.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.resetdesk.job.JobEvent;

/** Keeps every event it is given (thread-safe). */
final class RecordingEvents implements EventSink {
    final List<JobEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(JobEvent event) {
        events.add(event);
    }

    List<JobEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
