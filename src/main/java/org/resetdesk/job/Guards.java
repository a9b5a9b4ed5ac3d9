package org.resetdesk.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The no-reboot and timing guards, as pure functions of a job, an observation and the time. Nothing here does I/O;
 * the watchdog and the use cases feed observations in and persist what comes out.
 */
public final class Guards {
    public static final int DEFAULT_VALIDITY_HOURS = 48;
    public static final Duration SILENCE_ALARM = Duration.ofSeconds(10);

    public static final String RESTARTED = "the recorder restarted";
    public static final String RESTARTED_CONSOLE = "the recorder restarted — seen on its console";
    public static final String NETWORK_CHANGED = "network changed";
    public static final String EXPIRED = "the request expired";
    public static final String REPLACED = "a new request was exported";

    private Guards() {}

    /** Guard 1: ownership evidence, consent, and the recorder's serial against the label. */
    public static Optional<Refusal> identity(Job job, DeviceInfo reported) {
        Intake in = job.intake();
        if (!in.hasOwnershipEvidence()) {
            return Optional.of(Refusal.of("guard.identity.noEvidence", "no proof of ownership is recorded"));
        }
        if (!in.hasConsent()) {
            return Optional.of(Refusal.of("guard.identity.noConsent", "the customer has not accepted the consent"));
        }
        if (reported == null) {
            return Optional.of(Refusal.of("guard.identity.noDevice", "no recorder has been found for this job"));
        }
        return SerialNumbers.mismatch(in.labelSerial(), reported.serial())
                .map(why -> Refusal.of("guard.identity.serialMismatch",
                        "the recorder is not the one on the label: " + why, why));
    }

    /** May this job export a request with {@code method} now? */
    public static Optional<Refusal> mayExport(Job job, ResetMethod method) {
        Optional<Refusal> id = identity(job, job.device());
        if (id.isPresent()) {
            return id;
        }
        if (!job.device().isActivated()) {
            return Optional.of(Refusal.of("guard.export.inactive",
                    "the recorder is not activated: it needs activation, not a reset"));
        }
        if (!method.exportsChallenge() || !job.device().resetMethods().contains(method)) {
            return Optional.of(Refusal.of("guard.export.method",
                    "the recorder does not offer " + method + " as an exported request", method));
        }
        return Optional.empty();
    }

    public static Instant deadlineFor(DeviceInfo device, Instant exportedAt) {
        int hours = device.validityHours() == null ? DEFAULT_VALIDITY_HOURS : device.validityHours();
        return exportedAt.plus(Duration.ofHours(hours));
    }

    /** Guard 4: where the armed attempt stands against its deadline. */
    public static DeadlineStage deadlineStage(Job job, Instant now) {
        Attempt a = job.attempt();
        if (a == null || !a.isArmed() || a.deadline() == null) {
            return DeadlineStage.NONE;
        }
        Duration left = Duration.between(now, a.deadline());
        if (left.isNegative() || left.isZero()) {
            return DeadlineStage.EXPIRED;
        }
        if (left.compareTo(Duration.ofHours(1)) <= 0) {
            return DeadlineStage.UNDER_1H;
        }
        if (left.compareTo(Duration.ofHours(6)) <= 0) {
            return DeadlineStage.UNDER_6H;
        }
        return DeadlineStage.PLENTY;
    }

    /** May the reply (file or key) for the armed attempt be sent to the recorder now? */
    public static Optional<Refusal> mayImportReply(Job job, Instant now) {
        Attempt a = job.attempt();
        if (a == null || !a.isArmed() || !job.state().isArmed()) {
            String why = a != null && a.voidReason() != null ? a.voidReason() : "no request is awaiting a reply";
            return Optional.of(Refusal.of("guard.import.notArmed",
                    "refused: the request for job " + job.id() + " is not live (" + why + "); export a new one",
                    job.id(), why));
        }
        if (deadlineStage(job, now) == DeadlineStage.EXPIRED) {
            return Optional.of(Refusal.of("guard.import.expired",
                    "refused: the request expired at " + a.deadline() + "; export a new one", a.deadline()));
        }
        if (job.guard() == GuardStatus.UNCONFIRMED) {
            return Optional.of(Refusal.of("guard.import.unconfirmed",
                    "refused: the recorder has not answered since the kiosk restarted; wait until it is confirmed"));
        }
        return lockout(job, now);
    }

    /** Guard 6: a locked-out device gets no reset until the lock time has passed. */
    public static Optional<Refusal> lockout(Job job, Instant now) {
        Lockout l = job.lockout();
        if (l != null && l.lockedAt(now)) {
            long minutes = Math.max(1, (Duration.between(now, l.lockedUntil()).toSeconds() + 59) / 60);
            return Optional.of(Refusal.of("guard.lockout.locked",
                    "refused: the recorder is locked for another " + minutes + " min after wrong codes", minutes));
        }
        return Optional.empty();
    }

    /** Guards 2–4 applied to one observation. Observations of a job with nothing armed only update the status. */
    public static Verdict assess(Job job, Observation obs, Instant now) {
        Attempt a = job.attempt();
        boolean armed = a != null && a.isArmed() && job.state().isArmed();
        if (!armed) {
            return new Verdict(job.state() == JobState.VOIDED ? job.guard() : GuardStatus.IDLE, null);
        }
        if (deadlineStage(job, now) == DeadlineStage.EXPIRED) {
            return new Verdict(GuardStatus.EXPIRED, EXPIRED);
        }
        return switch (obs.kind()) {
            case HELLO, CHALLENGE_LOST -> new Verdict(GuardStatus.RESTARTED, RESTARTED);
            case CONSOLE_BOOT -> new Verdict(GuardStatus.RESTARTED, RESTARTED_CONSOLE);
            case CHALLENGE_EXPIRED -> new Verdict(GuardStatus.EXPIRED, EXPIRED);
            case PORT_CHANGED -> new Verdict(GuardStatus.NETWORK_CHANGED, NETWORK_CHANGED + ": " + obs.detail());
            case CONSOLE_FAILURE -> new Verdict(GuardStatus.NOT_BOOTING, null);
            case SILENT -> new Verdict(GuardStatus.SILENT, null);
            case ANSWERED -> assessAnswer(a.baseline(), obs.device());
        };
    }

    private static Verdict assessAnswer(Baseline base, DeviceInfo now) {
        if (base == null || now == null) {
            return new Verdict(GuardStatus.ANSWERING, null);
        }
        if (base.bootTime() != null && !base.bootTime().equals(now.bootTime())) {
            return new Verdict(GuardStatus.RESTARTED,
                    RESTARTED + " (boot time " + base.bootTime() + " → " + now.bootTime() + ")");
        }
        List<String> diffs = base.network().differencesFrom(now.network());
        if (!diffs.isEmpty()) {
            return new Verdict(GuardStatus.NETWORK_CHANGED, NETWORK_CHANGED + ": " + String.join(", ", diffs));
        }
        return new Verdict(GuardStatus.ANSWERING, null);
    }
}
