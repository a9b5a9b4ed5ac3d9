package org.resetdesk.job;

import java.time.Clock;
import java.time.Instant;

/**
 * One customer's recorder, from intake to hand-back. Immutable: every change returns a new Job, and the use cases
 * record each change as an event.
 */
public record Job(
        String id,
        JobState state,
        Instant createdAt,
        Instant updatedAt,
        Intake intake,
        DeviceInfo device,
        ResetMethod method,
        Attempt attempt,
        int attemptCount,
        Lockout lockout,
        Observation lastObservation,
        GuardStatus guard,
        String portName,
        String abandonReason) {

    public static Job open(String id, Intake intake, Clock clock) {
        Instant now = clock.instant();
        return new Job(id, JobState.INTAKE, now, now, intake, null, null, null, 0, null, null, GuardStatus.IDLE,
                null, null);
    }

    public Job moveTo(JobState next, Clock clock) {
        if (!state.canMoveTo(next)) {
            throw new IllegalTransition(id, state, next);
        }
        return new Job(id, next, createdAt, clock.instant(), intake, device, method, attempt, attemptCount, lockout,
                lastObservation, next.isArmed() ? guard : idleGuard(next), portName, abandonReason);
    }

    private GuardStatus idleGuard(JobState next) {
        return next == JobState.VOIDED ? guard : GuardStatus.IDLE;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public Job withDevice(DeviceInfo d, String port) {
        return new Job(id, state, createdAt, updatedAt, intake, d, method, attempt, attemptCount, lockout,
                lastObservation, guard, port, abandonReason);
    }

    public Job withMethod(ResetMethod m) {
        return new Job(id, state, createdAt, updatedAt, intake, device, m, attempt, attemptCount, lockout,
                lastObservation, guard, portName, abandonReason);
    }

    public Job withAttempt(Attempt a) {
        int count = a != null && (attempt == null || a.number() != attempt.number()) ? attemptCount + 1 : attemptCount;
        return new Job(id, state, createdAt, updatedAt, intake, device, method, a, count, lockout, lastObservation,
                guard, portName, abandonReason);
    }

    public Job withLockout(Lockout l) {
        return new Job(id, state, createdAt, updatedAt, intake, device, method, attempt, attemptCount, l,
                lastObservation, guard, portName, abandonReason);
    }

    public Job withObservation(Observation o, GuardStatus g) {
        return new Job(id, state, createdAt, updatedAt, intake, device, method, attempt, attemptCount, lockout, o, g,
                portName, abandonReason);
    }

    public Job withIntake(Intake i) {
        return new Job(id, state, createdAt, updatedAt, i, device, method, attempt, attemptCount, lockout,
                lastObservation, guard, portName, abandonReason);
    }

    public Job abandoned(String reason, Clock clock) {
        Job j = moveTo(JobState.ABANDONED, clock);
        return new Job(id, j.state, createdAt, j.updatedAt, intake, device, method,
                attempt != null && attempt.isArmed() ? attempt.voided("abandoned") : attempt, attemptCount, lockout,
                lastObservation, GuardStatus.IDLE, portName, reason);
    }

    /** The deadline of the live attempt, or null. */
    public Instant deadline() {
        return attempt == null ? null : attempt.deadline();
    }
}
