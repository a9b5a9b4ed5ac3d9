package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.ConsoleLink;

/** Benchmarks, run by {@code mvn -Pbench verify}. Figures are printed, never asserted. */
@Tag("bench")
class ConsoleLatencyBench {
    private static final int RUNS = 100;

    @TempDir
    Path dir;

    @Test
    void rebootDetectionLatency() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (SocatPair pair = SocatPair.start(dir.resolve("console-" + pid + "-kiosk"),
                dir.resolve("console-" + pid + "-recorder"));
             BootLogWriter writer = new BootLogWriter(pair.b(), 0.01)) {
            SerialConsole console = new SerialConsole(SerialSettings.defaults(pair.a().toString()), Clock.systemUTC());
            BlockingQueue<Long> boots = new LinkedBlockingQueue<>();
            console.addListener(new ConsoleLink.Listener() {
                @Override
                public void onBoot(Instant at, String line) {
                    boots.add(System.nanoTime());
                }
            });
            console.start();
            await().atMost(Duration.ofSeconds(10)).until(console::isConnected);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < RUNS + 5; i++) {
                BootLogWriter.Boot boot = writer.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE,
                        "08-a1-89-0e-18-97");
                Long seen = boots.poll(10, TimeUnit.SECONDS);
                assertThat(seen).as("boot %d detected", i).isNotNull();
                long written = boot.bannerWritten().get(10, TimeUnit.SECONDS);
                boot.done().get(10, TimeUnit.SECONDS);
                if (i >= 5) { // the first few warm up the JIT
                    ms.add((seen - written) / 1e6);
                }
            }
            console.stop();
            Collections.sort(ms);
            System.out.printf("BENCH console-reboot-detection: runs=%d median=%.2f ms p95=%.2f ms min=%.2f ms"
                            + " max=%.2f ms (banner written to a socat pty -> onBoot on the kiosk side)%n",
                    ms.size(), pct(ms, 50), pct(ms, 95), ms.get(0), ms.get(ms.size() - 1));
        }
    }

    @Test
    void framerAndParserThroughput() {
        byte[] log = BootScript.nvr(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, "08-a1-89-0e-18-97")
                .bytes();
        Random r = new Random(1);
        BootLogParser parser = new BootLogParser();
        long bytes = 0;
        int[] events = {0};
        long start = System.nanoTime();
        LineFramer framer = new LineFramer();
        while (System.nanoTime() - start < 2_000_000_000L) {
            int off = 0;
            while (off < log.length) {
                int n = Math.min(log.length - off, 1 + r.nextInt(64));
                framer.feed(log, off, n, l -> parser.parse(l.text()).ifPresent(e -> events[0]++));
                off += n;
            }
            bytes += log.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH console-framer-parser: %.1f MB/s (%.0f x the 11.5 KB/s of 115200 baud), %d events%n",
                bytes / seconds / 1e6, bytes / seconds / 11_520, events[0]);
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
