package org.resetdesk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.resetdesk.ui.testkit.TestStation;

/**
 * A child JVM for the startup benchmark: a training station over in-memory parts, started exactly as
 * {@code KioskApp.start} does; it exits once the first frame is painted (after KioskApp printed "ready in N ms").
 */
public final class BenchKioskMain {
    private BenchKioskMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("resetdesk-ui-bench-");
        TestStation station = new TestStation(dir, Locale.ENGLISH);
        KioskApp.Handle h = KioskApp.launch(station.ctx);
        h.ready().get(60, TimeUnit.SECONDS);
        station.close();
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
