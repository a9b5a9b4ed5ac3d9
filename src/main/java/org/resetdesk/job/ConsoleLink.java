package org.resetdesk.job;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The recorder's serial console, heard through a configured port (an adapter on its debug UART). Listen-only: an
 * implementation never sends a byte to the recorder.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} return promptly and never throw; the link opens, watches and
 * reopens its port on its own threads (do not call them from a listener). Listeners are called on one link-owned thread, in the order the console printed
 * the lines; they must be quick and must not touch Swing (hop to the EDT themselves).
 *
 * <p>Evidence: {@link Listener#onBoot} is the recorder restarting (a boot banner or the autoboot gate), which voids an
 * armed attempt. {@link Listener#onFailure} is a boot failure (halt, corrupt kernel): the recorder is not booting, and
 * the job is kept. Console silence is never evidence of anything.
 */
public interface ConsoleLink {

    /** The configured port path this link listens on (for example {@code /dev/ttyUSB0}). */
    String port();

    /** Starts listening (opening the port, and reopening it with backoff whenever it goes away). Idempotent. */
    void start();

    /** Stops listening; the port is released in the background. Idempotent; no listener call starts after it returns. */
    void stop();

    /** Whether the port is open right now. */
    boolean isConnected();

    void addListener(Listener listener);

    void removeListener(Listener listener);

    /** What a console tells the kiosk. All methods have empty defaults: implement what you need. */
    interface Listener {
        /** The recorder (re)started: its console printed a boot banner or the autoboot gate. */
        default void onBoot(Instant at, String line) {}

        /** The recorder printed a boot failure (halt, corrupt kernel, filesystem error, CPU reset). */
        default void onFailure(Instant at, String line) {}

        /** The port opened ({@code connected}) or went away (adapter unplugged, read error); {@code detail} says why. */
        default void onLink(Instant at, boolean connected, String detail) {}

        /** Every framed line, for the live view and the transcript. */
        default void onLine(Instant at, String line) {}
    }

    /**
     * A listener that turns console evidence into watchdog observations: boot lines become
     * {@link Observation.Kind#CONSOLE_BOOT}, failure lines {@link Observation.Kind#CONSOLE_FAILURE}; the line is the
     * detail. Nothing else becomes an observation (a silent or unplugged console proves nothing).
     */
    static Listener observing(Consumer<Observation> sink) {
        return new Listener() {
            @Override
            public void onBoot(Instant at, String line) {
                sink.accept(Observation.of(at, Observation.Kind.CONSOLE_BOOT, line));
            }

            @Override
            public void onFailure(Instant at, String line) {
                sink.accept(Observation.of(at, Observation.Kind.CONSOLE_FAILURE, line));
            }
        };
    }
}
