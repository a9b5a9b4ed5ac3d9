package org.resetdesk.job;

/** What the guards conclude from one observation: the new live status, and a void reason when the attempt died. */
public record Verdict(GuardStatus status, String voidReason) {
    public boolean voids() {
        return voidReason != null;
    }
}
