package org.resetdesk.recorder.isapi;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The virtual recorder's state as its ISAPI server reads and writes it. The server never sees the admin password:
 * it hands a test to {@link #checkPassword}. Implementations must be thread-safe (the server answers on several
 * threads) and may persist every write (the virtual recorder keeps its state across restarts).
 */
public interface IsapiDeviceState {

    String serial();

    String model();

    /** Firmware version as ISAPI reports it ({@code V4.62.210}); the build goes to {@link #firmwareBuild}. */
    String firmware();

    /** {@code build 230612}. */
    String firmwareBuild();

    /** Lower-case hex with colons, as ISAPI reports it. */
    String mac();

    String deviceName();

    /** Whether {@code test} accepts the password of {@code user}; false for an unknown user. */
    boolean checkPassword(String user, Predicate<char[]> test);

    /** The recorder's own clock now (it may be far from the real time: flat battery, never set). */
    Instant clock();

    /** POSIX-inverted time zone as devices send it ({@code CST-8:00:00} is UTC+8). */
    String timeZone();

    List<Disk> disks();

    /** Formats one disk: it comes back empty and ok. False when there is no such disk. */
    boolean format(String diskId);

    boolean loopEnable();

    void loopEnable(boolean on);

    boolean hikConnectBound();

    void hikConnectBound(boolean bound);

    String reservedEmail();

    void reservedEmail(String address);

    /** Consecutive wrong ISAPI logins and the end of the current lock (null when not locked). */
    LoginLock loginLock();

    void loginLock(LoginLock lock);

    /** One disk, sizes in MiB as ISAPI reports them. */
    record Disk(String id, String name, String status, long capacityMiB, long freeMiB) {}

    record LoginLock(int failures, Instant lockedUntil) {
        public static final LoginLock NONE = new LoginLock(0, null);
    }
}
