package org.resetdesk.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.resetdesk.job.ConsoleLink;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobListener;
import org.resetdesk.job.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console transcript of every open job this console is attached to: each console line is appended (redacted,
 * see {@link Transcript#redact}) to {@code <data.dir>/jobs/<jobId>/console-<stamp>.log}, the file being opened on
 * the first line heard while the job is open. The job log names the file when it is opened ({@value #OPENED}, detail
 * the path relative to the data directory) and when it is closed ({@value #CLOSED}: path, line count and SHA-256 of
 * the transcript, rotated parts oldest first), which happens when the job closes or is abandoned, or when this
 * watch stops.
 *
 * <p>Add it to a {@link ConsoleLink} as a listener. All file work and job notes run on one worker thread of its own,
 * so the console's dispatcher is never held up and no job lock is taken from inside a job listener.
 */
public final class JobTranscripts implements ConsoleLink.Listener, AutoCloseable {
    public static final String OPENED = "console.transcript";
    public static final String CLOSED = "console.transcript.closed";
    /** How stale the list of open jobs may get before a console line refreshes it (jobs opened elsewhere). */
    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(JobTranscripts.class);

    private record Open(Transcript transcript, String relative) {}

    private final JobService jobs;
    private final Path dataDir;
    private final Predicate<String> attached;
    private final long maxBytes;
    private final int files;
    private final ExecutorService worker;
    private final JobListener jobListener = this::jobChanged;
    // worker thread only
    private final Map<String, Open> open = new HashMap<>();
    private Set<String> openJobIds = new HashSet<>();
    private Instant refreshedAt;

    private JobTranscripts(JobService jobs, Path dataDir, Predicate<String> attached, long maxBytes, int files) {
        this.jobs = jobs;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.attached = attached;
        this.maxBytes = maxBytes;
        this.files = files;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-transcripts");
            t.setDaemon(true);
            return t;
        });
    }

    /** Transcripts for the open jobs that {@code attached} accepts (by job id), 1 MiB x 3 files each. */
    public static JobTranscripts start(JobService jobs, Path dataDir, Predicate<String> attached) {
        return start(jobs, dataDir, attached, Transcript.DEFAULT_MAX_BYTES, Transcript.DEFAULT_FILES);
    }

    public static JobTranscripts start(JobService jobs, Path dataDir, Predicate<String> attached, long maxBytes,
                                       int files) {
        JobTranscripts t = new JobTranscripts(jobs, dataDir, attached, maxBytes, files);
        jobs.addListener(t.jobListener);
        return t;
    }

    /** The transcript file of {@code jobId} being written now, if any (for tests and the live view). */
    public Path currentFile(String jobId) {
        try {
            return worker.submit(() -> {
                Open o = open.get(jobId);
                return o == null ? null : o.transcript().path();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void onLine(Instant at, String line) {
        run(() -> targets(at, true).forEach(t -> t.onLine(at, line)));
    }

    @Override
    public void onBoot(Instant at, String line) {
        run(() -> targets(at, true).forEach(t -> t.onBoot(at, line)));
    }

    @Override
    public void onFailure(Instant at, String line) {
        run(() -> targets(at, true).forEach(t -> t.onFailure(at, line)));
    }

    @Override
    public void onLink(Instant at, boolean connected, String detail) {
        run(() -> targets(at, connected).forEach(t -> t.onLink(at, connected, detail)));
    }

    /** Closes every transcript (recording {@value #CLOSED} for each) and stops the worker. Idempotent. */
    @Override
    public void close() {
        jobs.removeListener(jobListener);
        run(() -> new ArrayList<>(open.keySet()).forEach(id -> finish(id, "the console watch stopped")));
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("console transcripts did not finish closing in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void jobChanged(Job job, List<org.resetdesk.job.JobEvent> events) {
        String id = job.id();
        boolean isOpen = job.isOpen();
        run(() -> {
            if (!isOpen) {
                openJobIds.remove(id);
                finish(id, "job " + job.state());
            } else if (attached.test(id)) {
                openJobIds.add(id);
            }
        });
    }

    private void run(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("console transcript: {}", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: the console outlived the watch by a line or two; nothing to record it in
        }
    }

    /** The transcripts to write {@code at}: of each open attached job, opened now when {@code create}. */
    private List<Transcript> targets(Instant at, boolean create) {
        if (refreshedAt == null || Duration.between(refreshedAt, at).compareTo(REFRESH) >= 0
                || at.isBefore(refreshedAt)) {
            refresh(at);
        }
        List<Transcript> out = new ArrayList<>();
        for (String id : openJobIds) {
            Open o = open.get(id);
            if (o == null && create) {
                o = begin(id, at);
            }
            if (o != null) {
                out.add(o.transcript());
            }
        }
        return out;
    }

    private void refresh(Instant at) {
        Set<String> now = new HashSet<>();
        for (Job j : jobs.openJobs().join()) {
            if (attached.test(j.id())) {
                now.add(j.id());
            }
        }
        for (String id : new ArrayList<>(open.keySet())) {
            if (!now.contains(id)) {
                finish(id, "job no longer open");
            }
        }
        openJobIds = now;
        refreshedAt = at;
    }

    private Open begin(String jobId, Instant at) {
        if (!jobId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            LOG.warn("no console transcript for job id {}: not usable as a folder name", jobId);
            return null;
        }
        Path file = dataDir.resolve("jobs").resolve(jobId).resolve("console-" + STAMP.format(at) + ".log");
        try {
            Transcript t = Transcript.at(file, maxBytes, files);
            Open o = new Open(t, dataDir.relativize(file).toString().replace('\\', '/'));
            open.put(jobId, o);
            jobs.note(jobId, OPENED, o.relative()).join();
            return o;
        } catch (IOException | RuntimeException e) {
            LOG.warn("console transcript for job {} not started: {}", jobId, e.toString());
            openJobIds.remove(jobId);
            return null;
        }
    }

    private void finish(String jobId, String why) {
        Open o = open.remove(jobId);
        if (o == null) {
            return;
        }
        o.transcript().close();
        try {
            List<Path> parts = new ArrayList<>(o.transcript().parts());
            Collections.reverse(parts);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long lines = 0;
            byte[] buf = new byte[64 * 1024];
            for (Path p : parts) {
                try (InputStream in = Files.newInputStream(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
            }
            jobs.note(jobId, CLOSED, o.relative() + " lines=" + lines + " sha256="
                    + HexFormat.of().formatHex(sha.digest()) + " parts=" + parts.size() + " (" + why + ")").join();
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.warn("console transcript {} closed but not summarised: {}", o.relative(), e.toString());
        }
    }
}
