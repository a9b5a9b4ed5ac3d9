package org.resetdesk.recorder;

import java.io.IOException;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * A running virtual recorder: the engine, its SADP responder on one interface and, optionally, the control API.
 * The kiosk's training mode starts one on loopback with {@code start(RecorderConfig.training(NVR), "lo", port,
 * null)}; the {@code recorder} command starts one from its options. {@link #close} stops everything.
 */
public final class RecorderRuntime implements AutoCloseable {
    private final VirtualRecorder recorder;
    private final SadpResponder responder;
    private final ControlServer control;
    private final List<AutoCloseable> addOns = new ArrayList<>();

    private RecorderRuntime(VirtualRecorder recorder, SadpResponder responder, ControlServer control) {
        this.recorder = recorder;
        this.responder = responder;
        this.control = control;
    }

    /**
     * @param interfaceName NIC to bind and join (in a network namespace, the veth); its IPv4 is the default
     *                      reported address of a new device
     * @param sadpPort      SADP port (37020 on a real link; 0 = any free port for loopback tests)
     * @param controlPort   loopback control API port (0 = any free), or null for none
     */
    public static RecorderRuntime start(RecorderConfig config, String interfaceName, int sadpPort, Integer controlPort)
            throws IOException {
        NetworkInterface nic = SadpResponder.networkInterface(interfaceName);
        RecorderConfig effective = config;
        if (config.defaultIp() == null || config.defaultIp().startsWith("127.") && !nic.isLoopback()) {
            effective = config.withDefaultIp(SadpResponder.ipv4Of(nic).orElse("192.168.1.64/24"));
        }
        VirtualRecorder recorder = VirtualRecorder.open(effective);
        SadpResponder responder = null;
        ControlServer control = null;
        try {
            responder = new SadpResponder(recorder, nic, sadpPort);
            responder.start();
            recorder.start();
            if (controlPort != null) {
                control = new ControlServer(recorder, controlPort);
            }
        } catch (IOException | RuntimeException e) {
            if (responder != null) {
                responder.close();
            }
            recorder.close();
            throw e;
        }
        return new RecorderRuntime(recorder, responder, control);
    }

    /** Keeps an add-on's handle to close it with the recorder. */
    public void attach(AutoCloseable addOn) {
        if (addOn != null) {
            addOns.add(addOn);
        }
    }

    public VirtualRecorder recorder() {
        return recorder;
    }

    public int sadpPort() {
        return responder.port();
    }

    /** The control API port, or -1 when it was not opened. */
    public int controlPort() {
        return control == null ? -1 : control.port();
    }

    public String interfaceName() {
        return responder.networkInterface().getName();
    }

    @Override
    public void close() {
        for (AutoCloseable a : addOns) {
            try {
                a.close();
            } catch (Exception e) {
                System.getLogger(RecorderRuntime.class.getName())
                        .log(System.Logger.Level.WARNING, "add-on did not close: " + e);
            }
        }
        if (control != null) {
            control.close();
        }
        responder.close();
        recorder.close();
    }
}
