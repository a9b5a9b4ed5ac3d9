package org.resetdesk.recorder.isapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@link IsapiDeviceState} in memory: the default profile is an NVR with one full disk, overwrite off, bound to an
 * installer's Hik-Connect account. Thread-safe (every method synchronized).
 */
public final class InMemoryIsapiDeviceState implements IsapiDeviceState {
    private final String serial;
    private final String model;
    private final String firmware;
    private final String build;
    private final String mac;
    private final Clock realClock;
    private char[] password;
    private Duration clockOffset = Duration.ZERO;
    private String timeZone = "CST-1:00:00";
    private final List<Disk> disks = new ArrayList<>();
    private boolean loopEnable;
    private boolean bound = true;
    private String reservedEmail;
    private LoginLock lock = LoginLock.NONE;

    public InMemoryIsapiDeviceState(String serial, String model, String firmware, String build, String mac,
                                    char[] adminPassword, Clock realClock) {
        this.serial = serial;
        this.model = model;
        this.firmware = firmware;
        this.build = build;
        this.mac = mac;
        this.password = adminPassword.clone();
        this.realClock = realClock;
    }

    /** The default profile: DS-7608NXI-I2/8P/S, one full 2 TB disk, overwrite off, bound to Hik-Connect. */
    public static InMemoryIsapiDeviceState defaultNvr(char[] adminPassword, Clock clock) {
        InMemoryIsapiDeviceState s = new InMemoryIsapiDeviceState("DS-7608NXI-I2/8P/S0820231215CCRRJ12345678WCVU",
                "DS-7608NXI-I2/8P/S", "V4.62.210", "build 230612", "c0:56:e3:fe:42:92", adminPassword, clock);
        s.disks.add(new Disk("1", "hdd1", "ok", 1907729, 0));
        return s;
    }

    public synchronized InMemoryIsapiDeviceState withDisks(List<Disk> list) {
        disks.clear();
        disks.addAll(list);
        return this;
    }

    public synchronized InMemoryIsapiDeviceState withClock(Duration offsetFromReal, String posixZone) {
        clockOffset = offsetFromReal;
        timeZone = posixZone;
        return this;
    }

    public synchronized void setPassword(char[] newPassword) {
        Arrays.fill(password, '\0');
        password = newPassword.clone();
    }

    @Override public String serial() { return serial; }
    @Override public String model() { return model; }
    @Override public String firmware() { return firmware; }
    @Override public String firmwareBuild() { return build; }
    @Override public String mac() { return mac; }
    @Override public String deviceName() { return "Embedded Net DVR"; }

    @Override
    public synchronized boolean checkPassword(String user, Predicate<char[]> test) {
        return "admin".equals(user) && test.test(password.clone());
    }

    @Override
    public synchronized Instant clock() {
        return realClock.instant().plus(clockOffset);
    }

    @Override
    public synchronized String timeZone() {
        return timeZone;
    }

    @Override
    public synchronized List<Disk> disks() {
        return List.copyOf(disks);
    }

    @Override
    public synchronized boolean format(String diskId) {
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            if (Objects.equals(d.id(), diskId)) {
                disks.set(i, new Disk(d.id(), d.name(), "ok", d.capacityMiB(), d.capacityMiB()));
                return true;
            }
        }
        return false;
    }

    @Override public synchronized boolean loopEnable() { return loopEnable; }
    @Override public synchronized void loopEnable(boolean on) { loopEnable = on; }
    @Override public synchronized boolean hikConnectBound() { return bound; }
    @Override public synchronized void hikConnectBound(boolean b) { bound = b; }
    @Override public synchronized String reservedEmail() { return reservedEmail; }
    @Override public synchronized void reservedEmail(String address) { reservedEmail = address; }
    @Override public synchronized LoginLock loginLock() { return lock; }
    @Override public synchronized void loginLock(LoginLock l) { lock = l == null ? LoginLock.NONE : l; }
}
