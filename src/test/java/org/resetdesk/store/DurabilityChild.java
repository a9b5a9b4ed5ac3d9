package org.resetdesk.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

/**
 * Test main for the kill -9 test: after a crash it first checks {@link DurabilityCheck} against the acknowledged
 * seq it is given and prints {@code check ok}; then it reloads the open jobs, then opens jobs and moves them along random legal
 * transitions forever, printing {@code ack <seq>} for every event once {@code save} has returned.
 */
public final class DurabilityChild {
    private DurabilityChild() {}

    public static void main(String[] args) {
        Random rnd = new Random(Long.parseLong(args[1]));
        Clock clock = Clock.systemUTC();
        try (H2Database db = H2Database.open(Path.of(args[0]), H2Database.Options.createIfMissing())) {
            long acknowledged = Long.parseLong(args[2]);
            if (acknowledged > 0) {
                String problem = DurabilityCheck.problem(db, acknowledged);
                System.out.println(problem == null ? "check ok" : "check failed: " + problem);
            }
            H2JobRepository jobs = new H2JobRepository(db);
            List<Job> open = new ArrayList<>(jobs.openJobs());
            System.out.println("reloaded " + open.size());
            while (true) {
                List<JobEvent> evs = new ArrayList<>();
                Job saved;
                if (open.isEmpty() || rnd.nextInt(4) == 0) {
                    saved = Job.open(jobs.nextJobId(), TestJobs.intake("Customer " + rnd.nextInt(1000), "DS-X"), clock);
                    evs.add(JobEvent.of(saved.id(), clock.instant(), "job.opened", "durability"));
                    open.add(saved);
                } else {
                    int i = rnd.nextInt(open.size());
                    Job job = open.get(i);
                    JobState next = TestJobs.randomNext(job.state(), rnd);
                    saved = TestJobs.walk(job, List.of(next), clock, evs);
                    if (rnd.nextBoolean()) {
                        evs.add(JobEvent.of(job.id(), clock.instant(), "guard.observed", "answering"));
                    }
                    if (saved.isOpen()) {
                        open.set(i, saved);
                    } else {
                        open.remove(i);
                    }
                }
                for (JobEvent e : jobs.save(saved, evs)) {
                    System.out.println("ack " + e.seq());
                }
                System.out.flush();
            }
        }
    }
}
