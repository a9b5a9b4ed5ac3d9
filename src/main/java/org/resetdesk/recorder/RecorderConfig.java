package org.resetdesk.recorder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to build a {@link VirtualRecorder}.
 *
 * @param profile     null: the stored profile, or {@link Profile#NVR} for a new device
 * @param stateDir    where {@code recorder.properties} lives; null keeps everything in memory
 * @param serial      overrides the serial (persisted); null keeps or generates one
 * @param ip          {@code A.B.C.D/NN} the recorder reports (persisted); null keeps the stored one or uses
 *                    {@code defaultIp}
 * @param gateway     reported gateway (persisted); null keeps or derives one
 * @param defaultIp   {@code A.B.C.D/NN} for a new device when {@code ip} is null (the bound interface's address)
 * @param httpPort    the HttpPort the ProbeMatch reports (the ISAPI server's port)
 * @param downTime    default down time of a reboot or power-on
 * @param clock       the kiosk's clock; the recorder's own clock is this plus a persisted offset
 */
public record RecorderConfig(Profile profile, Path stateDir, String serial, String ip, String gateway,
                             String defaultIp, int httpPort, Duration downTime, Clock clock) {

    /** An in-memory NVR on 127.0.0.1/8, 3 s down time, system clock. */
    public static RecorderConfig training(Profile profile) {
        return new RecorderConfig(profile, null, null, null, null, "127.0.0.1/8", 80, Duration.ofSeconds(3),
                Clock.systemDefaultZone());
    }

    public RecorderConfig withStateDir(Path dir) {
        return new RecorderConfig(profile, dir, serial, ip, gateway, defaultIp, httpPort, downTime, clock);
    }

    public RecorderConfig withIp(String cidr, String gw) {
        return new RecorderConfig(profile, stateDir, serial, cidr, gw, defaultIp, httpPort, downTime, clock);
    }

    public RecorderConfig withDefaultIp(String cidr) {
        return new RecorderConfig(profile, stateDir, serial, ip, gateway, cidr, httpPort, downTime, clock);
    }

    public RecorderConfig withDownTime(Duration d) {
        return new RecorderConfig(profile, stateDir, serial, ip, gateway, defaultIp, httpPort, d, clock);
    }

    public RecorderConfig withSerial(String sn) {
        return new RecorderConfig(profile, stateDir, sn, ip, gateway, defaultIp, httpPort, downTime, clock);
    }

    public RecorderConfig withHttpPort(int port) {
        return new RecorderConfig(profile, stateDir, serial, ip, gateway, defaultIp, port, downTime, clock);
    }

    public RecorderConfig withClock(Clock c) {
        return new RecorderConfig(profile, stateDir, serial, ip, gateway, defaultIp, httpPort, downTime, c);
    }
}
