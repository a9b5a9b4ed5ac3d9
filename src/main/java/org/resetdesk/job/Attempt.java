package org.resetdesk.job;

import java.time.Instant;

/**
 * One export of a reset request and its life: armed from export until the reset succeeds or the attempt dies.
 * {@code requestSha256} identifies the exported bytes (stored as a file); {@code voidReason} is null while alive.
 */
public record Attempt(
        int number,
        ResetMethod method,
        Instant exportedAt,
        Instant deadline,
        String requestSha256,
        Baseline baseline,
        String voidReason,
        boolean succeeded) {

    public boolean isArmed() {
        return voidReason == null && !succeeded && exportedAt != null;
    }

    public Attempt voided(String reason) {
        return new Attempt(number, method, exportedAt, deadline, requestSha256, baseline, reason, false);
    }

    public Attempt success() {
        return new Attempt(number, method, exportedAt, deadline, requestSha256, baseline, null, true);
    }
}
