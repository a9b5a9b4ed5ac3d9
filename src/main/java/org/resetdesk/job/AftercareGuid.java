package org.resetdesk.job;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Optional aftercare hardening: a fresh GUID file for the customer's USB stick ({@code ExportGUID} with the current
 * admin password, sadp-protocol.md §5.4), so a future forgotten password can be reset without vendor support.
 *
 * <p>The GUID file is a credential: this use case returns its bytes to the caller, who writes them to the
 * customer's medium and wipes the array. Only its SHA-256 and size go into the job's log ({@value #EVENT}); nothing
 * is stored in the job's data folder. Allowed only after the password was set (PASSWORD_SET or AFTERCARE), on a
 * recorder that advertises the GUID method, through the command policy; sent once, never retried (a wrong password
 * counts against the recorder's lockout, and the device's answer with its retries is returned as it is).
 */
public final class AftercareGuid {
    public static final String EVENT = "aftercare.guid";

    private final JobService svc;
    private final Executor io;

    /**
     * The device's answer; on success the GUID file (caller writes and wipes it), its SHA-256 (hex) and size. The
     * file is null unless {@code outcome} is SUCCESS.
     */
    public record Result(Job job, DeviceOutcome outcome, byte[] guidFile, String sha256) {
        public boolean exported() {
            return outcome.isSuccess() && guidFile != null;
        }

        /** Zeroes the GUID bytes once they are written. */
        public void wipe() {
            if (guidFile != null) {
                Arrays.fill(guidFile, (byte) 0);
            }
        }
    }

    public AftercareGuid(JobService svc, Executor io) {
        this.svc = svc;
        this.io = io;
    }

    /**
     * Exports the GUID with {@code password} (the recorder's current admin password). Completes with
     * {@link RefusedException} when the job or the recorder does not allow it (nothing sent). The password array is
     * wiped when this completes.
     */
    public CompletableFuture<Result> exportGuid(String jobId, char[] password) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return export(jobId, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, io);
    }

    private Result export(String jobId, char[] password) {
        return svc.mutate(jobId, job -> {
            Optional<Refusal> no = mayExport(job, password, svc.clock().instant());
            if (no.isPresent()) {
                throw new RefusedException(no.get());
            }
            RecorderLink.GuidExport r = svc.link().exportGuid(job.device().mac(), password);
            DeviceOutcome o = r.outcome();
            if (!o.isSuccess() || r.guidFile() == null || r.guidFile().length == 0) {
                Job saved = svc.save(job, svc.event(job, EVENT, "GUID file not exported: " + JobService.outcomeText(o)));
                return new Result(saved, o, null, null);
            }
            String sha = sha256(r.guidFile());
            Job saved = svc.save(job, svc.event(job, EVENT, "GUID file exported for the customer: sha256=" + sha
                    + " bytes=" + r.guidFile().length + " (content not kept)"));
            return new Result(saved, o, r.guidFile(), sha);
        });
    }

    /** Why a GUID export is not allowed for this job now, if it is not (pure: nothing is sent). */
    public static Optional<Refusal> mayExport(Job job, char[] password, java.time.Instant now) {
        if (job.state() != JobState.PASSWORD_SET && job.state() != JobState.AFTERCARE) {
            return Optional.of(Refusal.of("guid.refused.state", "a GUID file can be exported only after the new"
                    + " password is set (job " + job.id() + " is " + job.state() + ")", job.id(), job.state()));
        }
        if (job.device() == null || job.device().mac() == null
                || !job.device().resetMethods().contains(ResetMethod.GUID_FILE)) {
            return Optional.of(Refusal.of("guid.refused.unsupported",
                    "this recorder does not offer GUID files (no SupportGUID)", job.id()));
        }
        if (password == null || password.length == 0) {
            return Optional.of(Refusal.of("guid.refused.noPassword",
                    "the recorder's current admin password is needed to export a GUID file"));
        }
        Optional<Refusal> policy = CommandPolicy.check(DeviceCommand.sadp("ExportGUID"), Optional.of(job), false, now);
        return policy.isPresent() ? policy : Guards.lockout(job, now);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
