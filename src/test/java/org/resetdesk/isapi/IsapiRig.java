package org.resetdesk.isapi;

import org.resetdesk.job.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.DeviceCommand;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.Refusal;
import org.resetdesk.recorder.isapi.InMemoryIsapiDeviceState;
import org.resetdesk.recorder.isapi.IsapiServer;

/** A virtual recorder's ISAPI server on 127.0.0.1 (ephemeral port) and the kiosk-side pieces to talk to it. */
final class IsapiRig implements AutoCloseable {
    static final String PASSWORD = "Counter-Reset-2026";
    static final String SERIAL = "DS-7608NXI-I2/8P/S0820231215CCRRJ12345678WCVU";

    static {
        quietHttpWireLog();
    }

    /** HttpClient logs every byte at DEBUG when no logback config is present: keep test output (and time) small. */
    static void quietHttpWireLog() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hc"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    final InMemoryIsapiDeviceState state = InMemoryIsapiDeviceState.defaultNvr(PASSWORD.toCharArray(), clock);
    final IsapiServer server;

    IsapiRig(IsapiServer.Options options) throws Exception {
        server = IsapiServer.start(new InetSocketAddress("127.0.0.1", 0), state, options, clock);
    }

    IsapiRig() throws Exception {
        this(IsapiServer.Options.defaults());
    }

    IsapiEndpoint endpoint() {
        return new IsapiEndpoint("127.0.0.1", server.address().getPort(), null, Duration.ofSeconds(5));
    }

    IsapiClient client(Job job) {
        return new IsapiClient(endpoint(), Aftercare.gate(job, clock), null);
    }

    IsapiClient client(Function<DeviceCommand, Optional<Refusal>> gate) {
        return new IsapiClient(endpoint(), gate, null);
    }

    /** An open job whose password has just been set on this recorder. */
    Job openJob() {
        return job(JobState.PASSWORD_SET, SERIAL);
    }

    Job job(JobState target, String labelSerial) {
        Intake intake = new Intake("s1", "Customer", "0123", Intake.OwnershipKind.RECEIPT, "R-1", null, null, "v1",
                clock.instant(), false, labelSerial, List.of());
        DeviceInfo sadp = new DeviceInfo("DS-7608NXI-I2/8P/S", SERIAL, "c0-56-e3-fe-42-92", "127.0.0.1",
                "255.0.0.0", null, "V4.62.210build 230612", "2026-11-25 08:00:00", true, Set.of(), false, true,
                false, 48);
        Job j = Job.open("RD-000042", intake, clock).withDevice(sadp, "lo").moveTo(JobState.IDENTIFIED, clock)
                .moveTo(JobState.PASSWORD_SET, clock);
        return target == JobState.CLOSED ? j.moveTo(JobState.CLOSED, clock) : j;
    }

    @Override
    public void close() {
        server.close();
    }
}
