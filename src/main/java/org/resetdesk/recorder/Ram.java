package org.resetdesk.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What a recorder holds only in RAM and loses on every reboot or power cut: the exported challenge with its export
 * time, the exchange randoms handed out by {@code exchangecode}, and the wrong-code counter with its lock. Guarded by
 * the owning {@link VirtualRecorder}'s lock.
 *
 * <p>Lockout: {@value #MAX_ATTEMPTS} wrong codes, answers, GUIDs or admin passwords in a row lock every reset and
 * password command for {@value #LOCK_MINUTES} minutes of the recorder's clock (the illegal-login lock figures of
 * the vendor manuals, sadp-protocol.md §9). A success clears the counter; a reboot clears the lock, as on devices.
 */
final class Ram {
    static final int MAX_ATTEMPTS = 5;
    static final int LOCK_MINUTES = 30;
    private static final int KEPT_RANDOMS = 4;

    /** The pending export: what kind, its 16-byte challenge, the recorder-clock time it was made. */
    record Challenge(TrainingCodes.Kind kind, byte[] challenge, Instant exportedAt, String text) {
        TrainingCodes.Request request(String mac, String serial9) {
            return new TrainingCodes.Request(kind, mac, serial9, challenge, exportedAt.getEpochSecond());
        }
    }

    Challenge challenge;
    private final Deque<String> randoms = new ArrayDeque<>();
    int failedAttempts;
    Instant lockedUntil;

    void clear() {
        challenge = null;
        randoms.clear();
        failedAttempts = 0;
        lockedUntil = null;
    }

    void addRandom(String random) {
        randoms.addFirst(random);
        while (randoms.size() > KEPT_RANDOMS) {
            randoms.removeLast();
        }
    }

    /** Newest first. Randoms are not single-use (unknown on devices; clients fetch a fresh one per command). */
    List<String> randoms() {
        return List.copyOf(randoms);
    }

    /** Minutes (rounded up) the lock still holds, or 0; an expired lock is lifted here. */
    long lockedMinutes(Instant now) {
        if (lockedUntil == null) {
            return 0;
        }
        if (!now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedAttempts = 0;
            return 0;
        }
        long seconds = Duration.between(now, lockedUntil).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    /** Counts a wrong attempt; returns the attempts left (0 means the device is now locked). */
    int fail(Instant now) {
        failedAttempts++;
        if (failedAttempts >= MAX_ATTEMPTS) {
            lockedUntil = now.plus(Duration.ofMinutes(LOCK_MINUTES));
            return 0;
        }
        return MAX_ATTEMPTS - failedAttempts;
    }

    void succeed() {
        failedAttempts = 0;
    }
}
