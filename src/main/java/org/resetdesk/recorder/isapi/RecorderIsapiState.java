package org.resetdesk.recorder.isapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.resetdesk.recorder.RecorderSnapshot;
import org.resetdesk.recorder.VirtualRecorder;

/**
 * The ISAPI server's view of a {@link VirtualRecorder}: identity, clock, overwrite, cloud binding and reserved
 * e-mail come from (and go to) the recorder's persistent state, so {@code recorder-ctl state} shows what aftercare
 * changed. Disks start full (the usual reason customers come in); a format empties one until the process ends.
 */
public final class RecorderIsapiState implements IsapiDeviceState {
    private static final long DISK_MIB = 1_907_729;

    private final VirtualRecorder recorder;
    private final Set<String> formatted = new HashSet<>();
    private LoginLock lock = LoginLock.NONE;

    public RecorderIsapiState(VirtualRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public String serial() {
        return recorder.serial();
    }

    @Override
    public String model() {
        return recorder.profile().model();
    }

    @Override
    public String firmware() {
        String v = recorder.profile().softwareVersion();
        int b = v.indexOf("build");
        return (b > 0 ? v.substring(0, b) : v).trim();
    }

    @Override
    public String firmwareBuild() {
        String v = recorder.profile().softwareVersion();
        int b = v.indexOf("build");
        return b > 0 ? "build " + v.substring(b + 5).trim() : "";
    }

    @Override
    public String mac() {
        return recorder.mac().replace('-', ':').toLowerCase(Locale.ROOT);
    }

    @Override
    public String deviceName() {
        return "Embedded Net DVR";
    }

    @Override
    public boolean checkPassword(String user, Predicate<char[]> test) {
        return "admin".equals(user) && recorder.account().testPassword(test);
    }

    @Override
    public Instant clock() {
        return recorder.now();
    }

    @Override
    public String timeZone() {
        return "CST-1:00:00";
    }

    @Override
    public synchronized List<Disk> disks() {
        int n = recorder.snapshot().disks();
        List<Disk> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = String.valueOf(i);
            out.add(new Disk(id, "hdd" + i, "ok", DISK_MIB, formatted.contains(id) ? DISK_MIB : 0));
        }
        return out;
    }

    @Override
    public synchronized boolean format(String diskId) {
        boolean exists = disks().stream().anyMatch(d -> d.id().equals(diskId));
        if (exists) {
            formatted.add(diskId);
        }
        return exists;
    }

    @Override
    public boolean loopEnable() {
        return recorder.snapshot().loopEnable();
    }

    @Override
    public void loopEnable(boolean on) {
        recorder.account().setLoopEnable(on);
    }

    @Override
    public boolean hikConnectBound() {
        return recorder.snapshot().hikConnectBound();
    }

    @Override
    public void hikConnectBound(boolean bound) {
        recorder.account().setHikConnectBound(bound);
    }

    @Override
    public String reservedEmail() {
        RecorderSnapshot s = recorder.snapshot();
        return s.reservedEmail();
    }

    @Override
    public void reservedEmail(String address) {
        recorder.account().setReservedEmail(address);
    }

    @Override
    public synchronized LoginLock loginLock() {
        return lock;
    }

    @Override
    public synchronized void loginLock(LoginLock l) {
        lock = l;
    }
}
