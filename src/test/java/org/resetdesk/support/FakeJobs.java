package org.resetdesk.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

/** An in-memory JobRepository (the H2 store is built elsewhere); also an EventSink into itself. */
final class FakeJobs implements JobRepository, EventSink {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<JobEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    FakeJobs with(Job... js) {
        for (Job j : js) {
            jobs.put(j.id(), j);
        }
        return this;
    }

    @Override
    public String nextJobId() {
        return String.format("RD-%06d", jobs.size() + 1);
    }

    @Override
    public List<JobEvent> save(Job job, List<JobEvent> evs) {
        jobs.put(job.id(), job);
        List<JobEvent> out = new ArrayList<>();
        for (JobEvent e : evs) {
            JobEvent s = new JobEvent(seq.incrementAndGet(), e.jobId(), e.at(), e.type(), e.detail());
            events.add(s);
            out.add(s);
        }
        return out;
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<Job> openJobs() {
        return jobs.values().stream().filter(Job::isOpen).toList();
    }

    @Override
    public List<Job> searchClosed(String text, int limit) {
        return jobs.values().stream().filter(j -> !j.isOpen() && j.id().contains(text)).limit(limit).toList();
    }

    @Override
    public List<JobEvent> events(String jobId) {
        return events.stream().filter(e -> e.jobId().equals(jobId)).toList();
    }

    List<JobEvent> allEvents() {
        return List.copyOf(events);
    }

    @Override
    public void record(JobEvent event) {
        EventSink.into(this).record(event);
    }
}
