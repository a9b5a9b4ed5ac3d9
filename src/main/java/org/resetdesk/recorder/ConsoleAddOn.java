package org.resetdesk.recorder;

import java.nio.file.Path;
import org.resetdesk.console.BootLogWriter;

/**
 * The virtual recorder's debug console: on every power-on it writes a realistic boot log to {@code --console PATH}
 * (a pty), banner first, so the kiosk's console watch sees a reboot seconds before the network does.
 */
public final class ConsoleAddOn implements RecorderAddOn {
    private static final String UBOOT = "2010.06-svn64409";

    private final double timeScale;

    public ConsoleAddOn(double timeScale) {
        this.timeScale = timeScale;
    }

    @Override
    public AutoCloseable start(VirtualRecorder recorder, Integer isapiPort, Path console) {
        if (console == null) {
            return null;
        }
        BootLogWriter writer = new BootLogWriter(console, timeScale);
        RecorderEvents events = new RecorderEvents() {
            @Override
            public void onPowerOff(VirtualRecorder r) {
                writer.cut();
            }

            @Override
            public void onBooting(VirtualRecorder r) {
                writer.writeBoot(UBOOT, r.mac());
            }
        };
        recorder.addListener(events);
        return () -> {
            recorder.removeListener(events);
            writer.close();
        };
    }
}
