package org.resetdesk.recorder;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpDocument;
import org.resetdesk.sadp.SadpFormatException;

/**
 * A simulated Hikvision-type recorder without sockets: it turns SADP request payloads into reply payloads and keeps
 * the device's state. Persistent state ({@link RecorderState}) survives reboots; RAM state (the exported challenge,
 * exchange randoms, the wrong-code counter and lock) does not. It has its own clock (the kiosk clock plus an offset)
 * for {@code BootTime}, export expiry and locks. Thread-safe: every public method takes the recorder's lock; events
 * fire outside it. {@link SadpResponder} puts it on the network; {@link RecorderRuntime} wires everything.
 */
public final class VirtualRecorder implements AutoCloseable {
    /** Power state: only RUNNING answers SADP. */
    public enum Power { RUNNING, BOOTING, OFF }

    static final DateTimeFormatter BOOT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final System.Logger LOG = System.getLogger(VirtualRecorder.class.getName());

    final RecorderState state;
    final Profile profile;
    final SecureRandom random = new SecureRandom();
    final Ram ram = new Ram();
    private final Path stateFile;
    private final RecorderConfig config;
    private final List<RecorderEvents> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService power;
    private final CommandHandler commands = new CommandHandler(this);
    private final AdminAccount account = new AdminAccount(this);
    private Power powerState = Power.OFF;
    private Instant bootTime;
    private long generation;
    private boolean truncateProbeMatch;
    private volatile int httpPort;

    private VirtualRecorder(RecorderConfig config, RecorderState state, Path stateFile) {
        this.config = config;
        this.state = state;
        this.profile = state.profile;
        this.stateFile = stateFile;
        this.httpPort = config.httpPort();
        this.power = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recorder-power-" + state.serial);
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads (or creates) the device under {@code config.stateDir()}; does not power it on (see {@link #start}). */
    public static VirtualRecorder open(RecorderConfig config) throws IOException {
        Path file = config.stateDir() == null ? null : config.stateDir().resolve(RecorderState.FILE_NAME);
        VirtualRecorder r = new VirtualRecorder(config, RecorderState.resolve(config, file), file);
        r.persist();
        return r;
    }

    public void addListener(RecorderEvents l) {
        listeners.add(l);
    }

    public void removeListener(RecorderEvents l) {
        listeners.remove(l);
    }

    /** Powers on with no delay (the process start is the boot) and fires {@code onBoot}. */
    public void start() {
        long gen;
        synchronized (this) {
            if (powerState != Power.OFF) {
                return;
            }
            powerState = Power.BOOTING;
            gen = ++generation;
        }
        fire(l -> l.onBooting(this));
        completeBoot(gen);
    }

    /** Handles one SADP datagram. Empty when the device is not running, the payload is not a request for it. */
    public Optional<byte[]> handle(byte[] payload) {
        SadpDocument doc;
        try {
            doc = SadpCodec.decode(payload);
        } catch (SadpFormatException e) {
            return Optional.empty();
        }
        Optional<byte[]> reply;
        synchronized (this) {
            if (powerState != Power.RUNNING || !"Probe".equals(doc.root())) {
                return Optional.empty();
            }
            reply = commands.handle(doc);
        }
        if (reply.isPresent() && !String.valueOf(doc.types()).startsWith("inquiry")) {
            fire(l -> l.onStateChanged(this));
        }
        return reply;
    }

    /** The {@code Hello} announcement, or empty while the device is down. */
    public synchronized Optional<byte[]> hello() {
        return powerState == Power.RUNNING ? Optional.of(DeviceDescription.hello(this)) : Optional.empty();
    }

    /** Reboot: RAM state lost, silent for {@code down}, then a new {@code BootTime} and a Hello. */
    public void reboot(Duration down) {
        long gen;
        synchronized (this) {
            if (powerState == Power.OFF) {
                throw new IllegalStateException("the recorder is powered off");
            }
            gen = goDark(Power.BOOTING);
        }
        fire(l -> l.onPowerOff(this));
        fire(l -> l.onBooting(this));
        scheduleBoot(gen, down);
    }

    /** Power cut: RAM state lost, silent until {@link #powerOn}. */
    public void powerOff() {
        synchronized (this) {
            if (powerState == Power.OFF) {
                return;
            }
            goDark(Power.OFF);
        }
        fire(l -> l.onPowerOff(this));
    }

    /** Power restored: boots for {@code down}, then answers again with a new {@code BootTime} and a Hello. */
    public void powerOn(Duration down) {
        long gen;
        synchronized (this) {
            if (powerState != Power.OFF) {
                return;
            }
            powerState = Power.BOOTING;
            gen = ++generation;
        }
        fire(l -> l.onBooting(this));
        scheduleBoot(gen, down);
    }

    public Duration defaultDownTime() {
        return config.downTime();
    }

    private long goDark(Power next) {
        powerState = next;
        ram.clear();
        return ++generation;
    }

    private void scheduleBoot(long gen, Duration down) {
        power.schedule(() -> completeBoot(gen), Math.max(0, down.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void completeBoot(long gen) {
        String formatted;
        synchronized (this) {
            if (gen != generation || powerState != Power.BOOTING) {
                return;
            }
            Instant now = now().truncatedTo(ChronoUnit.SECONDS);
            if (bootTime != null && !now.isAfter(bootTime)) {
                // BootTime has one-second resolution; a real boot takes far longer than a training down time, so
                // the device clock is moved on to keep every boot's BootTime distinct.
                state.clockOffsetMs += Duration.between(now(), bootTime.plusSeconds(1)).toMillis() + 1;
                persist();
                now = now().truncatedTo(ChronoUnit.SECONDS);
            }
            bootTime = now;
            powerState = Power.RUNNING;
            formatted = bootTimeText();
        }
        fire(l -> l.onBoot(this, formatted));
    }

    /** Re-address (persisted); a pending export survives, as nothing ties it to the IP (sadp-protocol.md §7). */
    public void setIp(String cidr, String gateway) {
        synchronized (this) {
            state.applyIp(cidr, gateway);
            persist();
        }
        fire(l -> l.onStateChanged(this));
    }

    /** Moves the recorder's own clock (persisted, like an RTC); negative values move it back. */
    public void advanceClock(Duration d) {
        synchronized (this) {
            state.clockOffsetMs += d.toMillis();
            persist();
        }
        fire(l -> l.onStateChanged(this));
    }

    /** Quirk for training: cut every ProbeMatch off in the middle of an element. */
    public synchronized void setTruncateProbeMatch(boolean on) {
        truncateProbeMatch = on;
    }

    synchronized boolean truncateProbeMatch() {
        return truncateProbeMatch;
    }

    /** The recorder's own clock. */
    public Instant now() {
        return config.clock().instant().plusMillis(state.clockOffsetMs);
    }

    ZoneId zone() {
        return config.clock().getZone();
    }

    LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), zone());
    }

    synchronized String bootTimeText() {
        return bootTime == null ? null : BOOT_TIME.format(LocalDateTime.ofInstant(bootTime, zone()));
    }

    int httpPort() {
        return httpPort;
    }

    /** The HttpPort the ProbeMatch reports: an ISAPI server add-on sets its real port here. */
    public void setHttpPort(int port) {
        httpPort = port;
    }

    /** True when {@code sender} is inside the subnet the recorder reports (then replies also go unicast). */
    public synchronized boolean onOwnSubnet(String sender) {
        try {
            return Cidr.sameSubnet(sender, state.ipv4, state.prefix);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public synchronized Power power() {
        return powerState;
    }

    public synchronized boolean isRunning() {
        return powerState == Power.RUNNING;
    }

    /** A consistent copy of everything a trainer or a test wants to see. */
    public synchronized RecorderSnapshot snapshot() {
        return RecorderSnapshot.of(this, powerState, bootTimeText(), truncateProbeMatch);
    }

    public synchronized String serial() {
        return state.serial;
    }

    public synchronized String mac() {
        return state.mac;
    }

    public Profile profile() {
        return profile;
    }

    /** Admin account and settings, for the ISAPI server and the trainer panel. */
    public AdminAccount account() {
        return account;
    }

    // ---- used by the command handlers, under the lock ----

    void setPassword(char[] password) {
        state.passwordHash = PasswordHashes.hash(password);
        state.passwordSealed = PasswordSeal.seal(state.serial, password);
        state.passwordChangedAt = now();
        state.userSalt = RecorderState.hex(random, 32);
        persist();
    }

    void persist() {
        if (stateFile == null) {
            return;
        }
        try {
            state.save(stateFile);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save recorder state to " + stateFile + ": " + e);
        }
    }

    void fire(Consumer<RecorderEvents> event) {
        for (RecorderEvents l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recorder listener failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        power.shutdownNow();
    }
}
