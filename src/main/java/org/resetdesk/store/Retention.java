package org.resetdesk.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/**
 * The retention purge: closed and abandoned jobs last changed more than {@code days} ago lose the customer's
 * personal data (name, contact, ownership reference, ID last four, photos) via {@link Intake#anonymised()}; the job,
 * its state, serial, attempts and events stay for the statistics. The job's console transcripts are deleted too.
 * Each purge is a {@code retention.purged} event.
 * Running it again purges nothing twice.
 */
public final class Retention {
    public static final String EVENT = "retention.purged";

    private final H2JobRepository jobs;
    private final FileArtifacts files;
    private final java.util.function.BiConsumer<String, Runnable> underJobLock;

    public Retention(H2JobRepository jobs, FileArtifacts files) {
        this(jobs, files, (id, work) -> work.run());
    }

    /**
     * @param underJobLock runs one job's purge while nothing else changes that job (the kiosk passes
     *     {@code JobService::exclusively}; a headless {@code db purge} has no other writer in its process)
     */
    public Retention(H2JobRepository jobs, FileArtifacts files,
                     java.util.function.BiConsumer<String, Runnable> underJobLock) {
        this.jobs = jobs;
        this.files = files;
        this.underJobLock = underJobLock;
    }

    /** @return the ids of the jobs purged now */
    public List<String> purge(int days, Clock clock) {
        if (days < 1) {
            throw new IllegalArgumentException("retention.days must be at least 1, not " + days);
        }
        Instant now = clock.instant();
        List<String> purged = new ArrayList<>();
        for (String id : jobs.purgeCandidates(now.minus(Duration.ofDays(days)))) {
            underJobLock.accept(id, () -> {
                Job job = jobs.find(id).orElse(null); // read under the lock: the job as it is now
                if (job == null || job.isOpen() || job.intake() == null) {
                    return;
                }
                int photos = 0;
                for (String photo : job.intake().photos()) {
                    if (files.delete(photo)) {
                        photos++;
                    }
                }
                int transcripts = deleteTranscripts(id);
                jobs.save(job.withIntake(job.intake().anonymised()), List.of(JobEvent.of(id, now, EVENT,
                        "personal data removed after " + days + " days (" + photos + " photo file(s)"
                                + (transcripts > 0 ? ", " + transcripts + " console transcript file(s)" : "")
                                + " deleted)")));
                purged.add(id);
            });
        }
        return purged;
    }

    /**
     * Deletes the job's console transcripts ({@code jobs/<id>/console-*.log} and their rotated parts): they can hold
     * the recorder's network details from the customer's premises. The job log keeps their names and SHA-256.
     */
    private int deleteTranscripts(String jobId) {
        Path dir = files.dataDir().resolve("jobs").resolve(jobId).normalize();
        if (!dir.startsWith(files.dataDir()) || !Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "console-*.log*")) {
            for (Path p : found) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && files.delete(p.toString())) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list console transcripts in " + dir + ": " + e.getMessage(), e);
        }
        return n;
    }
}
