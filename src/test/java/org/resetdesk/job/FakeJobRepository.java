package org.resetdesk.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory JobRepository for pure unit tests of the use cases. */
public final class FakeJobRepository implements JobRepository {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<JobEvent> events = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong seq = new AtomicLong();
    /** When set, every save fails with it (a full disk, a dead database). */
    public volatile RuntimeException failSaves;

    @Override
    public String nextJobId() {
        return String.format("RD-%06d", ids.incrementAndGet());
    }

    @Override
    public synchronized List<JobEvent> save(Job job, List<JobEvent> newEvents) {
        if (failSaves != null) {
            throw failSaves;
        }
        jobs.put(job.id(), job);
        List<JobEvent> out = new ArrayList<>();
        for (JobEvent e : newEvents) {
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
        return jobs.values().stream().filter(Job::isOpen).sorted(Comparator.comparing(Job::id)).toList();
    }

    @Override
    public List<Job> searchClosed(String text, int limit) {
        String t = text.toLowerCase(Locale.ROOT);
        return jobs.values().stream().filter(j -> !j.isOpen())
                .filter(j -> j.id().toLowerCase(Locale.ROOT).contains(t)
                        || String.valueOf(j.intake().customerName()).toLowerCase(Locale.ROOT).contains(t))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<JobEvent> events(String jobId) {
        return events.stream().filter(e -> e.jobId().equals(jobId)).toList();
    }

    public synchronized List<String> eventTypes(String jobId) {
        return events(jobId).stream().map(JobEvent::type).toList();
    }
}
