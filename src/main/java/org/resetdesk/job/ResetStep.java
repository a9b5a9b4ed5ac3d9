package org.resetdesk.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The step that touches the device's password: import a support reply, or activate. Sent once, never retried;
 * the device's answer decides what the job does next.
 */
final class ResetStep {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{8}");
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private final JobService svc;
    private final RecorderLink link;
    private final Artifacts artifacts;
    private final Clock clock;

    ResetStep(JobService svc, RecorderLink link, Artifacts artifacts, Clock clock) {
        this.svc = svc;
        this.link = link;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    /** Checks the shape of a support reply before anything is sent: an 8-character key, or a small text file. */
    static Optional<Refusal> checkReply(RecorderLink.ResetReply reply) {
        if (reply.key() != null) {
            return KEY.matcher(reply.key()).matches() ? Optional.empty()
                    : Optional.of(Refusal.of("import.refused.keyFormat",
                            "the key must be exactly 8 letters or digits"));
        }
        byte[] b = reply.fileBytes();
        if (b == null || b.length == 0) {
            return Optional.of(Refusal.of("import.refused.empty", "the reply file is empty"));
        }
        if (b.length > MAX_REPLY_BYTES) {
            return Optional.of(Refusal.of("import.refused.size", "the reply file is too large to be a support reply"));
        }
        for (byte x : b) {
            if (x == 0 || (x & 0xff) < 0x09) {
                return Optional.of(Refusal.of("import.refused.binary",
                        "the reply file contains binary data; it is not a support reply"));
            }
        }
        return Optional.empty();
    }

    JobService.ResetAttempt importReply(String jobId, RecorderLink.ResetReply reply, char[] pw, boolean sync) {
        try {
            return svc.mutate(jobId, job -> {
                Instant now = clock.instant();
                Guards.mayImportReply(job, now).ifPresent(r -> {
                    throw new RefusedException(r);
                });
                CommandPolicy.check(DeviceCommand.sadp("reset"), Optional.of(job), false, now).ifPresent(r -> {
                    throw new RefusedException(r);
                });
                checkReply(reply).ifPresent(r -> {
                    throw new RefusedException(r);
                });
                requireStrong(pw);
                Job j = job;
                String sha;
                if (reply.fileBytes() != null) {
                    sha = artifacts.store(jobId, "reply-" + j.attempt().number() + ".xml", reply.fileBytes()).sha256();
                } else {
                    sha = "key";
                }
                if (j.state() != JobState.REPLY_RECEIVED) {
                    j = svc.save(j.moveTo(JobState.REPLY_RECEIVED, clock),
                            svc.event(j, "reply.received", reply.key() != null ? "key typed" : "file sha256=" + sha),
                            svc.event(j, "state.REPLY_RECEIVED", "sending to the recorder once"));
                }
                RecorderLink.ResetReply toSend = j.attempt().method().answeredByMail() ? reply.asMailCode() : reply;
                DeviceOutcome o = link.reset(j.device().mac(), toSend, pw,
                        sync && Boolean.TRUE.equals(j.device().syncIpcPassword()),
                        Boolean.TRUE.equals(j.device().codeEncrypt()));
                return new JobService.ResetAttempt(afterReset(j, o), o);
            });
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private Job afterReset(Job j, DeviceOutcome o) {
        String text = JobService.outcomeText(o);
        switch (o.kind()) {
            case SUCCESS:
                Job done = j.withAttempt(j.attempt().success()).withLockout(null).moveTo(JobState.PASSWORD_SET, clock);
                return svc.save(done, svc.event(j, "reset.success", "the recorder accepted the new password"),
                        svc.event(j, "state.PASSWORD_SET", "attempt " + j.attempt().number() + " succeeded"));
            case EMPTY_ENCRYPT_STRING:
                return svc.voidAttempt(svc.save(j, svc.event(j, "reset.failed", text)), Guards.RESTARTED,
                        GuardStatus.RESTARTED);
            case EXPORT_FILE_OVERDUE:
                return svc.voidAttempt(svc.save(j, svc.event(j, "reset.failed", text)), Guards.EXPIRED,
                        GuardStatus.EXPIRED);
            case LOCKED:
                Instant until = clock.instant().plus(Duration.ofMinutes(o.lockedMinutes() == null ? 30
                        : o.lockedMinutes()));
                return back(j.withLockout(new Lockout(0, until)), "reset.locked", text);
            case CODE_ERROR:
                Lockout l = new Lockout(o.retriesLeft(), null);
                return back(j.withLockout(l), "reset.codeError", text + "; nothing is retried automatically");
            case TIMEOUT:
                return back(j, "reset.timeout", "no answer; not retried — check the recorder before trying again");
            default:
                return back(j, "reset.failed", text);
        }
    }

    private Job back(Job j, String type, String detail) {
        return svc.save(j.moveTo(JobState.AWAITING_REPLY, clock), svc.event(j, type, detail),
                svc.event(j, "state.AWAITING_REPLY", "the attempt is still live"));
    }

    JobService.ResetAttempt resetDirect(String jobId, DirectProof proof, char[] pw, boolean sync) {
        try {
            return svc.mutate(jobId, job -> {
                Instant now = clock.instant();
                if (job.state() != JobState.IDENTIFIED || job.device() == null) {
                    throw JobService.refused("direct.refused.state",
                            "a direct reset needs an identified recorder (job " + jobId + " is " + job.state() + ")");
                }
                if (proof.method().needsSupportRoundTrip() && proof.method() != ResetMethod.LEGACY_SECURITY_CODE
                        || !job.device().resetMethods().contains(proof.method())) {
                    throw JobService.refused("direct.refused.method",
                            "the recorder does not offer " + proof.method() + " as a direct reset", proof.method());
                }
                Guards.identity(job, job.device()).ifPresent(r -> {
                    throw new RefusedException(r);
                });
                CommandPolicy.check(DeviceCommand.sadp("reset"), Optional.of(job), false, now).ifPresent(r -> {
                    throw new RefusedException(r);
                });
                if (proof.method() != ResetMethod.LEGACY_SECURITY_CODE) {
                    requireStrong(pw);
                }
                Job j = svc.save(job.withMethod(proof.method()), svc.event(job, "reset.direct",
                        proof.method() + " sent once"));
                DeviceOutcome o = link.resetDirect(j.device().mac(), proof, pw,
                        sync && Boolean.TRUE.equals(j.device().syncIpcPassword()));
                String text = JobService.outcomeText(o);
                if (o.isSuccess()) {
                    String how = proof.method() == ResetMethod.LEGACY_SECURITY_CODE
                            ? "reset to the factory default password; set the customer's password at once"
                            : "the recorder accepted the new password";
                    Job done = j.withLockout(null).moveTo(JobState.PASSWORD_SET, clock);
                    return new JobService.ResetAttempt(svc.save(done, svc.event(j, "reset.success", how),
                            svc.event(j, "state.PASSWORD_SET", proof.method() + " succeeded")), o);
                }
                Lockout l = o.kind() == DeviceOutcome.Kind.LOCKED
                        ? new Lockout(0, now.plus(Duration.ofMinutes(o.lockedMinutes() == null ? 30 : o.lockedMinutes())))
                        : o.retriesLeft() != null ? new Lockout(o.retriesLeft(), null) : j.lockout();
                return new JobService.ResetAttempt(svc.save(j.withLockout(l), svc.event(j, "reset.failed",
                        text + "; nothing is retried automatically")), o);
            });
        } finally {
            Arrays.fill(pw, '\0');
            proof.wipe();
        }
    }

    Job activate(String jobId, char[] pw) {
        try {
            return svc.mutate(jobId, job -> {
                if (job.state() != JobState.IDENTIFIED || job.device() == null || job.device().isActivated()) {
                    throw JobService.refused("activate.refused.state",
                            "activation is only for an identified recorder that is not activated");
                }
                Guards.identity(job, job.device()).ifPresent(r -> {
                    throw new RefusedException(r);
                });
                CommandPolicy.check(DeviceCommand.sadp("activate"), Optional.of(job), false, clock.instant())
                        .ifPresent(r -> {
                            throw new RefusedException(r);
                        });
                requireStrong(pw);
                DeviceOutcome o = link.activate(job.device().mac(), pw);
                if (!o.isSuccess()) {
                    svc.save(job, svc.event(job, "activate.failed", JobService.outcomeText(o)));
                    throw JobService.refused("activate.refused.device", "the recorder refused activation: "
                            + JobService.outcomeText(o), JobService.outcomeText(o));
                }
                return svc.save(job.moveTo(JobState.PASSWORD_SET, clock),
                        svc.event(job, "activate.success", "the recorder is activated"),
                        svc.event(job, "state.PASSWORD_SET", "activated with the customer's password"));
            });
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private static void requireStrong(char[] pw) {
        PasswordRules.Assessment a = PasswordRules.assess(pw, "admin");
        if (!a.acceptable()) {
            throw JobService.refused("password.refused.weak",
                    "the new password does not meet the rules: " + String.join(", ", a.problems())
                            + (a.problems().isEmpty() ? "use at least three kinds of character" : ""));
        }
    }
}
