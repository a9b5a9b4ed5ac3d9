package org.resetdesk.ui.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

/** Jobs and events in memory, for UI tests. */
public final class FakeJobRepository implements JobRepository {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<JobEvent> events = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong seq = new AtomicLong();

    @Override
    public String nextJobId() {
        return String.format("RD-%06d", ids.incrementAndGet());
    }

    @Override
    public synchronized List<JobEvent> save(Job job, List<JobEvent> evs) {
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
        return jobs.values().stream().filter(Job::isOpen).sorted(Comparator.comparing(Job::id)).toList();
    }

    @Override
    public List<Job> searchClosed(String text, int limit) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return jobs.values().stream().filter(j -> !j.isOpen())
                .filter(j -> t.isEmpty() || j.id().toLowerCase(Locale.ROOT).contains(t)
                        || String.valueOf(j.intake().customerName()).toLowerCase(Locale.ROOT).contains(t)
                        || String.valueOf(j.intake().labelSerial()).toLowerCase(Locale.ROOT).contains(t))
                .sorted(Comparator.comparing(Job::updatedAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<JobEvent> events(String jobId) {
        return events.stream().filter(e -> e.jobId().equals(jobId)).toList();
    }
}
