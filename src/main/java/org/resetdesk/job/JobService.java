package org.resetdesk.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reset job's use cases. Each runs on the injected executor and returns a future; a guard's "no" completes it
 * with {@link RefusedException}. Changes to one job are serialised; every change is saved with its events before
 * listeners hear of it.
 */
public final class JobService {
    private final JobRepository repo;
    private final RecorderLink link;
    private final Artifacts artifacts;
    private final Clock clock;
    private final Executor io;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final ResetStep resetStep;
    private final ExportStep exportStep;
    private final IntakeStep intakeStep;

    /** An armed export: the request as stored, and for the reserved e-mail the (masked) address the code goes to. */
    public record Exported(Job job, Path requestFile, byte[] request, String codeSentTo) {
        /**
         * What the request's QR code carries: the request as the device gave it. For the reserved e-mail the
         * device's {@code QRcodes} value is base64 of the QR's content (the vendor's tool decodes it before drawing,
         * sadp-protocol.md §5.2), so it is decoded; the stored file stays byte for byte as given.
         */
        public String qrText() {
            String raw = new String(request, java.nio.charset.StandardCharsets.UTF_8);
            if (job.attempt() == null || !job.attempt().method().answeredByMail()) {
                return raw;
            }
            try {
                byte[] decoded = java.util.Base64.getMimeDecoder().decode(raw.strip());
                return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(decoded)).toString();
            } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
                return raw; // not base64 text after all: show it as the device gave it
            }
        }
    }

    public record ResetAttempt(Job job, DeviceOutcome outcome) {}

    public JobService(JobRepository repo, RecorderLink link, Artifacts artifacts, Clock clock, Executor io) {
        this.repo = repo;
        this.link = link;
        this.artifacts = artifacts;
        this.clock = clock;
        this.io = io;
        this.resetStep = new ResetStep(this, link, artifacts, clock);
        this.exportStep = new ExportStep(this, link, artifacts, clock);
        this.intakeStep = new IntakeStep(this, repo, artifacts, clock);
    }

    public void addListener(JobListener l) {
        listeners.add(l);
    }

    public void removeListener(JobListener l) {
        listeners.remove(l);
    }

    public Clock clock() {
        return clock;
    }

    public RecorderLink link() {
        return link;
    }

    // ---------------------------------------------------------------- intake and identification

    public CompletableFuture<Job> open(Intake intake) {
        return open(intake, List.of());
    }

    /** Opens a job with intake photos (label first, then proofs); they are stored with the job's files. */
    public CompletableFuture<Job> open(Intake intake, List<IntakePhoto> photos) {
        return async(() -> intakeStep.open(intake, photos));
    }

    public CompletableFuture<List<DeviceInfo>> discover(Duration timeout, Consumer<DeviceInfo> onEachFound) {
        return async(() -> link.discover(timeout, onEachFound));
    }

    public CompletableFuture<Job> connect(String jobId, DeviceInfo device) {
        return async(() -> mutate(jobId, job -> {
            if (job.state() != JobState.INTAKE && job.state() != JobState.IDENTIFIED
                    && job.state() != JobState.VOIDED) {
                throw refused("connect.refused.state", "job " + jobId + " is " + job.state()
                        + "; a recorder can be connected only before export or after a void");
            }
            Job withDevice = job.withDevice(device, link.port().name());
            Optional<Refusal> id = Guards.identity(withDevice, device);
            if (id.isPresent()) {
                save(withDevice, event(job, "identity.refused", id.get().text()));
                throw new RefusedException(id.get());
            }
            Job next = withDevice.withMethod(recommend(device)).moveTo(JobState.IDENTIFIED, clock);
            return save(next, event(job, "device.identified", describe(device)),
                    event(job, "state.IDENTIFIED", "serial matches the label"));
        }));
    }

    /** The method the kiosk recommends for this device, or null when it needs activation instead. */
    public static ResetMethod recommend(DeviceInfo d) {
        if (!d.isActivated()) {
            return null;
        }
        for (ResetMethod m : ResetMethod.values()) {
            if (d.resetMethods().contains(m)) {
                return m;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- export and hand-off

    /** Exports a reset request (this arms the guards); a second export while one is live needs confirming. */
    public CompletableFuture<Exported> export(String jobId, ResetMethod method, boolean confirmReExport) {
        return async(() -> exportStep.export(jobId, method, confirmReExport));
    }

    public CompletableFuture<Job> markSent(String jobId, String channel) {
        return async(() -> mutate(jobId, job -> {
            if (job.state() == JobState.AWAITING_REPLY) {
                return save(job, event(job, "handoff.sent", channel));
            }
            if (job.state() != JobState.REQUEST_EXPORTED) {
                throw refused("handoff.refused.state", "job " + jobId + " has no exported request to hand over");
            }
            boolean byMail = job.attempt() != null && job.attempt().method().answeredByMail();
            return save(job.moveTo(JobState.AWAITING_REPLY, clock), event(job, "handoff.sent", channel),
                    event(job, "state.AWAITING_REPLY", byMail ? "waiting for the code in the customer's reserved mailbox"
                            : "waiting for vendor support"));
        }));
    }

    // ---------------------------------------------------------------- reset and activation

    /** Sends the reply with the new password. The password array is wiped when this returns or fails. */
    public CompletableFuture<ResetAttempt> importReply(String jobId, RecorderLink.ResetReply reply,
                                                       char[] newPassword, boolean syncCameras) {
        return async(() -> resetStep.importReply(jobId, reply, newPassword, syncCameras));
    }

    /** A reset without a support round trip (GUID file, security answers, legacy code); secrets are wiped. */
    public CompletableFuture<ResetAttempt> resetDirect(String jobId, DirectProof proof, char[] newPassword,
                                                       boolean syncCameras) {
        return async(() -> resetStep.resetDirect(jobId, proof, newPassword, syncCameras));
    }

    public CompletableFuture<List<String>> securityQuestions(String jobId) {
        return async(() -> link.securityQuestions(load(jobId).device().mac()));
    }

    public CompletableFuture<Job> activate(String jobId, char[] password) {
        return async(() -> resetStep.activate(jobId, password));
    }

    // ---------------------------------------------------------------- closing

    public CompletableFuture<Job> startAftercare(String jobId) {
        return async(() -> mutate(jobId, job -> job.state() == JobState.AFTERCARE ? job
                : save(job.moveTo(JobState.AFTERCARE, clock), event(job, "state.AFTERCARE", "aftercare started"))));
    }

    public CompletableFuture<Job> close(String jobId) {
        return async(() -> mutate(jobId, job -> save(job.moveTo(JobState.CLOSED, clock),
                event(job, "state.CLOSED", "recorder handed back"))));
    }

    public CompletableFuture<Job> abandon(String jobId, String reason) {
        return async(() -> mutate(jobId, job -> {
            if (reason == null || reason.isBlank()) {
                throw refused("abandon.refused.reason", "a reason is required to abandon a job");
            }
            if (!job.isOpen()) {
                throw refused("abandon.refused.state", "job " + jobId + " is already " + job.state());
            }
            return save(job.abandoned(reason, clock), event(job, "state.ABANDONED", reason));
        }));
    }

    /** Records a free-form event (hand-off, aftercare, receipt printed) without changing the job. */
    public CompletableFuture<Job> note(String jobId, String type, String detail) {
        return async(() -> mutate(jobId, job -> save(job, event(job, type, detail))));
    }

    // ---------------------------------------------------------------- queries

    public CompletableFuture<List<Job>> openJobs() {
        return async(repo::openJobs);
    }

    public CompletableFuture<List<Job>> searchClosed(String text) {
        return async(() -> repo.searchClosed(text, 200));
    }

    public CompletableFuture<List<JobEvent>> events(String jobId) {
        return async(() -> repo.events(jobId));
    }

    public CompletableFuture<Job> find(String jobId) {
        return async(() -> load(jobId));
    }

    // ---------------------------------------------------------------- guard observations (watchdog)

    /** Applies one observation to a job through the guards; saves and notifies only when something changed. */
    public Job observe(String jobId, Observation obs) {
        return mutate(jobId, job -> {
            Verdict v = Guards.assess(job, obs, clock.instant());
            if (v.voids()) {
                return voidAttempt(job.withObservation(obs, v.status()), v.voidReason(), v.status());
            }
            if (v.status() != job.guard()) {
                return save(job.withObservation(obs, v.status()), event(job, "guard." + v.status(), describe(obs)));
            }
            return job;
        });
    }

    /** After a kiosk restart an armed job is unconfirmed until the recorder answers with the same boot time. */
    public void markUnconfirmedAfterRestart() {
        for (Job j : repo.openJobs()) {
            if (j.state().isArmed() && j.attempt() != null && j.attempt().isArmed()) {
                mutate(j.id(), job -> save(job.withObservation(job.lastObservation(), GuardStatus.UNCONFIRMED),
                        event(job, "guard.UNCONFIRMED", "kiosk restarted; waiting for the recorder to answer")));
            }
        }
    }

    // ---------------------------------------------------------------- internals shared with ResetStep

    Job voidAttempt(Job job, String reason, GuardStatus status) {
        Job voided = job.withAttempt(job.attempt().voided(reason)).moveTo(JobState.VOIDED, clock)
                .withObservation(job.lastObservation(), status);
        return save(voided, event(job, "guard.voided", reason),
                event(job, "state.VOIDED", "attempt " + job.attempt().number() + " is worthless: " + reason));
    }

    /**
     * Runs {@code work} while no use case changes this job: for code that saves a job through the store directly
     * (the retention purge), so a note landing at the same moment cannot bring back what it removed.
     */
    public void exclusively(String jobId, Runnable work) {
        synchronized (locks.computeIfAbsent(jobId, k -> new Object())) {
            work.run();
        }
    }

    <T> T mutate(String jobId, java.util.function.Function<Job, T> change) {
        synchronized (locks.computeIfAbsent(jobId, k -> new Object())) {
            return change.apply(load(jobId));
        }
    }

    Job load(String jobId) {
        return repo.find(jobId).orElseThrow(() -> refused("job.unknown", "no job " + jobId, jobId));
    }

    Job save(Job job, JobEvent... events) {
        List<JobEvent> saved = repo.save(job, List.of(events));
        for (JobListener l : listeners) {
            l.jobChanged(job, saved);
        }
        return job;
    }

    JobEvent event(Job job, String type, String detail) {
        return JobEvent.of(job.id(), clock.instant(), type, detail);
    }

    static RefusedException refused(String key, String text, Object... args) {
        return new RefusedException(Refusal.of(key, text, args));
    }

    static String outcomeText(DeviceOutcome o) {
        StringBuilder sb = new StringBuilder(o.kind().name());
        if (o.rawResult() != null) {
            sb.append(" (").append(o.rawResult()).append(')');
        }
        if (o.retriesLeft() != null) {
            sb.append(", retries left ").append(o.retriesLeft());
        }
        if (o.lockedMinutes() != null) {
            sb.append(", locked ").append(o.lockedMinutes()).append(" min");
        }
        return sb.toString();
    }

    private static String describe(DeviceInfo d) {
        List<String> parts = new ArrayList<>();
        parts.add(d.model() + " " + d.serial());
        parts.add("MAC " + d.mac() + ", IP " + d.ipv4());
        parts.add("firmware " + d.firmware());
        parts.add("methods " + d.resetMethods());
        return String.join("; ", parts);
    }

    private static String describe(Observation o) {
        return o.kind() + (o.device() != null ? " boot " + o.device().bootTime() + " ip " + o.device().ipv4() : "")
                + (o.detail() != null ? " " + o.detail() : "");
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, io);
    }
}
