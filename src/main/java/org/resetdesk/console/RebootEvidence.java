package org.resetdesk.console;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a recognised console line proves. A boot banner is always a (re)start; the autoboot gate counts only
 * when no banner or gate was seen in the preceding {@link #SAME_BOOT} (its banner was garbled or missed), so one
 * boot gives one boot verdict. Halt, filesystem-error and CPU-reset lines are failures. Nothing else is evidence,
 * and the absence of lines never is.
 *
 * <p>Pure; not thread-safe (the link's dispatcher thread owns one instance).
 */
public final class RebootEvidence {
    /** A gate this soon after a banner belongs to the same boot. */
    public static final Duration SAME_BOOT = Duration.ofSeconds(10);

    public enum Verdict { BOOT, FAILURE, NONE }

    private Instant lastBoot;

    public Verdict judge(ConsoleEvent event, Instant at) {
        switch (event.evidence()) {
            case FAILURE:
                return Verdict.FAILURE;
            case BOOT:
                boolean banner = event.type() == ConsoleEventType.BOOT_BANNER;
                boolean sameBoot = lastBoot != null && !at.isBefore(lastBoot)
                        && Duration.between(lastBoot, at).compareTo(SAME_BOOT) < 0;
                lastBoot = at;
                return banner || !sameBoot ? Verdict.BOOT : Verdict.NONE;
            default:
                return Verdict.NONE;
        }
    }
}
