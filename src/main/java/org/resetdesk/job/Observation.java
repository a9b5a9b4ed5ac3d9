package org.resetdesk.job;

import java.time.Instant;

/**
 * One thing the watchdog learned about a recorder. {@code device} is the inquiry answer when there was one.
 */
public record Observation(Instant at, Kind kind, DeviceInfo device, String detail) {

    public enum Kind {
        /** The recorder answered an inquiry on the dedicated port. */
        ANSWERED,
        /** No answer to the latest poll. */
        SILENT,
        /** The recorder announced itself with Hello: it has just booted. */
        HELLO,
        /** Its console printed a boot banner or the autoboot gate. */
        CONSOLE_BOOT,
        /** Its console printed a failure (halt, corrupt kernel): the recorder is not booting. */
        CONSOLE_FAILURE,
        /** A command answered emptyEncryptString: the challenge is gone. */
        CHALLENGE_LOST,
        /** A command answered exportFileOverDue. */
        CHALLENGE_EXPIRED,
        /** The kiosk's dedicated port changed name or address. */
        PORT_CHANGED
    }

    public static Observation answered(Instant at, DeviceInfo device) {
        return new Observation(at, Kind.ANSWERED, device, null);
    }

    public static Observation of(Instant at, Kind kind, String detail) {
        return new Observation(at, kind, null, detail);
    }
}
