package org.resetdesk.ui;

import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.swing.Timer;

/**
 * Watches for touches and keys. When a signed-in station is idle for the configured time minus
 * {@link KioskSettings#IDLE_WARNING_SECONDS} it warns (with a countdown the user can cancel by touching anything);
 * at the configured time it locks. A station nobody signed in to goes back to the attract screen after
 * {@link #ATTRACT_SECONDS}. Runs on the EDT (Swing timer); time comes from a monotonic millisecond source.
 */
final class IdleMonitor {
    static final int ATTRACT_SECONDS = 60;

    interface Listener {
        /** Seconds left before the lock; called every tick while the warning is due. */
        void warn(int secondsLeft);

        /** The user did something while warned: hide the warning. */
        void stillHere();

        void lock();

        void attract();
    }

    private final LongSupplier millis;
    private final IntSupplier lockSeconds;
    private final Listener listener;
    private final Timer timer;
    private final AWTEventListener activity = e -> touch();
    private long last;
    private boolean warned;
    private boolean signedIn;
    private boolean attracting;

    IdleMonitor(LongSupplier millis, IntSupplier lockSeconds, Listener listener) {
        this.millis = millis;
        this.lockSeconds = lockSeconds;
        this.listener = listener;
        this.last = millis.getAsLong();
        this.timer = new Timer(500, e -> tick());
    }

    void start() {
        Toolkit.getDefaultToolkit().addAWTEventListener(activity,
                AWTEvent.MOUSE_EVENT_MASK | AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_WHEEL_EVENT_MASK);
        timer.start();
    }

    void stop() {
        timer.stop();
        Toolkit.getDefaultToolkit().removeAWTEventListener(activity);
    }

    /** Signed in (lock applies) or not (attract applies); on the attract screen nothing is counted. */
    void state(boolean signedInNow, boolean attractingNow) {
        signedIn = signedInNow;
        attracting = attractingNow;
        last = millis.getAsLong();
        warned = false;
    }

    void touch() {
        last = millis.getAsLong();
        if (warned) {
            warned = false;
            listener.stillHere();
        }
    }

    /** One check; the Swing timer calls it twice a second, tests call it directly. */
    void tick() {
        if (attracting) {
            return;
        }
        long idleMs = millis.getAsLong() - last;
        if (!signedIn) {
            if (idleMs >= ATTRACT_SECONDS * 1000L) {
                listener.attract();
            }
            return;
        }
        long leftMs = lockSeconds.getAsInt() * 1000L - idleMs;
        if (leftMs <= 0) {
            warned = false;
            listener.lock();
        } else if (leftMs <= KioskSettings.IDLE_WARNING_SECONDS * 1000L) {
            warned = true;
            listener.warn((int) ((leftMs + 999) / 1000));
        }
    }
}
