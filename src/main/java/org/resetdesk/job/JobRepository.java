package org.resetdesk.job;

import java.util.List;
import java.util.Optional;

/**
 * Durable jobs and their append-only event log. {@link #save} stores the job's new snapshot and its events in one
 * transaction, durably, before returning (acknowledged means on disk).
 */
public interface JobRepository {

    /** A new job id, unique in this store ({@code RD-000123}). */
    String nextJobId();

    /** Stores the job snapshot and appends the events, atomically and durably. Returns the events with their seq. */
    List<JobEvent> save(Job job, List<JobEvent> events);

    Optional<Job> find(String id);

    List<Job> openJobs();

    /** Closed and abandoned jobs whose customer, serial or id contains {@code text} (case-insensitive), newest first. */
    List<Job> searchClosed(String text, int limit);

    List<JobEvent> events(String jobId);

    /** Open job on the recorder with this MAC, if any (the command policy needs it). */
    default Optional<Job> openJobForMac(String mac) {
        String m = Macs.normalise(mac);
        return openJobs().stream()
                .filter(j -> j.device() != null && j.device().mac() != null && Macs.normalise(j.device().mac()).equals(m))
                .findFirst();
    }
}
