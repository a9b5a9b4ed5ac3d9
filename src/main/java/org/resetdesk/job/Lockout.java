package org.resetdesk.job;

import java.time.Instant;

/** What the device said about wrong codes: retries left, and until when it refuses resets. */
public record Lockout(Integer retriesLeft, Instant lockedUntil) {
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
