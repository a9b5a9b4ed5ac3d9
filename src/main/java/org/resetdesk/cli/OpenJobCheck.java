package org.resetdesk.cli;

import java.util.Optional;

/**
 * The hook the low-level {@code sadp export} / {@code sadp reset} commands ask before touching a device: is there an
 * open job on it? Until the job store is wired in (by {@code Main}, via {@link #install}), the answer is "no open
 * jobs". A device with an open job must go through {@code job export} / {@code job import}, whose guards apply.
 */
public final class OpenJobCheck {
    /** Finds the open job on a device, by its MAC (normalised, lower-case dashes) or serial (may be null). */
    @FunctionalInterface
    public interface Lookup {
        Optional<String> openJobFor(String mac, String serial);
    }

    private static volatile Lookup lookup = (mac, serial) -> Optional.empty();

    private OpenJobCheck() {}

    public static void install(Lookup l) {
        lookup = l == null ? (mac, serial) -> Optional.empty() : l;
    }

    /** Throws {@link CommandFailed} when the device has an open job. */
    static void refuseIfOpen(String mac, String serial) {
        Optional<String> job = lookup.openJobFor(mac, serial);
        if (job.isPresent()) {
            throw new CommandFailed("refused: device " + mac + (serial != null ? " (" + serial + ")" : "")
                    + " has an open job " + job.get() + "; use the job commands (job export / job import)");
        }
    }
}
