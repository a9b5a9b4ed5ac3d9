package org.resetdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.resetdesk.recorder.ControlServer;
import org.resetdesk.recorder.Profile;
import org.resetdesk.recorder.RecorderAddOn;
import org.resetdesk.recorder.RecorderConfig;
import org.resetdesk.recorder.RecorderRuntime;
import org.resetdesk.recorder.SadpResponder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resetdesk recorder ...}: runs a virtual recorder until killed. Prints one JSON line once it is up. */
@Command(name = "recorder", description = "Run a virtual recorder (training device) until killed.")
public final class RecorderCommand implements Callable<Integer> {
    /** Filled by Main: the ISAPI server and boot-log writer started beside the responder. */
    public static final List<RecorderAddOn> ADD_ONS = new CopyOnWriteArrayList<>();

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", description = "nvr (default), dvr, camera, legacy, inactive")
    String profile;

    @Option(names = "--interface", defaultValue = "lo", description = "network interface to bind and join (default lo)")
    String iface;

    @Option(names = "--state-dir", description = "persistent state directory (default: in memory)")
    Path stateDir;

    @Option(names = "--control-port", description = "loopback control API port (0 = any free port)")
    Integer controlPort;

    @Option(names = "--isapi-port", description = "ISAPI HTTP port (reported as HttpPort)")
    Integer isapiPort;

    @Option(names = "--console", description = "pty path for the boot log")
    Path console;

    @Option(names = "--serial", description = "serial number to report")
    String serial;

    @Option(names = "--ip", description = "A.B.C.D/NN the recorder reports (may lie outside the interface's subnet)")
    String ip;

    @Option(names = "--gateway", description = "gateway the recorder reports")
    String gateway;

    @Option(names = "--sadp-port", defaultValue = "37020", description = "SADP UDP port (default 37020)")
    int sadpPort;

    @Option(names = "--down-ms", defaultValue = "3000", description = "reboot / power-on down time (default 3000)")
    long downMs;

    @Option(names = "--truncate-probe-match", description = "quirk: cut every ProbeMatch off mid-element")
    boolean truncate;

    @Override
    public Integer call() throws Exception {
        Profile p;
        try {
            p = profile == null ? null : Profile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new CommandFailed(e.getMessage());
        }
        RecorderConfig config = new RecorderConfig(p, stateDir, serial, ip, gateway, null,
                isapiPort == null || isapiPort == 0 ? 80 : isapiPort, Duration.ofMillis(Math.max(0, downMs)),
                Clock.systemDefaultZone());
        RecorderRuntime runtime;
        try {
            runtime = RecorderRuntime.start(config, iface, sadpPort, controlPort);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new CommandFailed(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "recorder-shutdown"));
        runtime.recorder().setTruncateProbeMatch(truncate);
        startAddOns(runtime);
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("event", "started");
        started.put("interface", runtime.interfaceName());
        started.put("sadpPort", runtime.sadpPort());
        started.put("controlPort", runtime.controlPort() < 0 ? null : runtime.controlPort());
        started.putAll(runtime.recorder().snapshot().toMap());
        PrintWriter out = spec.commandLine().getOut();
        out.println(ControlServer.toJson(started));
        out.flush();
        stopped.await();
        return 0;
    }

    private void startAddOns(RecorderRuntime runtime) {
        PrintWriter err = spec.commandLine().getErr();
        if (ADD_ONS.isEmpty() && (isapiPort != null || console != null)) {
            err.println("note: no ISAPI server or console writer is built in; --isapi-port/--console only reported");
            err.flush();
        }
        for (RecorderAddOn addOn : ADD_ONS) {
            try {
                runtime.attach(addOn.start(runtime.recorder(), isapiPort, console));
            } catch (Exception e) {
                throw new CommandFailed("recorder add-on failed to start: " + e.getMessage());
            }
        }
    }

    /** Default SADP port, for help texts of other commands. */
    public static int defaultSadpPort() {
        return SadpResponder.DEFAULT_PORT;
    }
}
