package org.resetdesk.job;

import java.time.Instant;
import java.util.List;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.Disk;

/**
 * What aftercare found and did on one recorder, for the screen, the CLI's JSON line and the hand-back receipt.
 * Null means "not read" (an earlier step stopped the run, the device did not say, or the policy refused the call).
 *
 * @param verified the new password was accepted by {@code userCheck}
 * @param verifyOutcome the verification outcome in one line
 * @param retriesLeft what the device said after a wrong password; null when it did not say
 * @param unlockSeconds how long the device locks logins; null or 0 when not locked
 * @param mismatches serial, model or firmware differences between ISAPI, SADP and the label (empty when all agree)
 * @param clockSkewSeconds device clock minus kiosk clock, in seconds (the device clock taken as UTC offset it sent)
 * @param rebootRequired a change answered "reboot required" (statusCode 7): shown, never acted on
 */
public record AftercareReport(
        String jobId,
        Instant at,
        String scheme,
        String certificateSha256,
        boolean verified,
        String verifyOutcome,
        Integer retriesLeft,
        Integer unlockSeconds,
        String serial,
        String model,
        String firmware,
        Boolean serialMatchesSadp,
        Boolean serialMatchesLabel,
        Boolean modelMatchesSadp,
        Boolean firmwareMatchesSadp,
        List<String> mismatches,
        String deviceClock,
        Instant kioskClock,
        Long clockSkewSeconds,
        List<Disk> disks,
        Boolean overwriteBefore,
        Boolean overwriteAfter,
        Binding cloudBefore,
        Binding cloudAfter,
        Boolean reservedEmailSet,
        boolean rebootRequired,
        List<String> advice) {

    public AftercareReport {
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        disks = disks == null ? List.of() : List.copyOf(disks);
        advice = advice == null ? List.of() : List.copyOf(advice);
    }

    /**
     * Whether staff may try the password once more: not when the device is locked or has two tries or fewer left
     * (recorder-console-and-isapi.md B5). Never done automatically.
     */
    public boolean mayRetry() {
        if (verified) {
            return false;
        }
        boolean locked = unlockSeconds != null && unlockSeconds > 0;
        return !locked && (retriesLeft == null || retriesLeft > 2);
    }

    /** The identity cross-check passed: every comparison that could be made agreed. */
    public boolean identityConfirmed() {
        return verified && serial != null && mismatches.isEmpty();
    }
}
