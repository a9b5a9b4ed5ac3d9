package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resetdesk.testsupport.ChildJvm;
import org.resetdesk.testsupport.NetnsLab;
import org.resetdesk.testsupport.TestSadpResponder;

/** Figures, not assertions on speed: run with {@code mvn -Pbench verify}. */
@Tag("bench")
class SadpBenchmarkTest {

    @Test
    void probeToFirstDeviceOnTheNamespaceLink() {
        int probes = 250;
        try (NetnsLab lab = NetnsLab.create("sadpb")) {
            String kiosk = lab.namespace("kiosk");
            String rec = lab.namespace("rec");
            String port = lab.ifName("ded");
            lab.link(kiosk, port, "10.92.1.1/24", rec, "eth0", "192.168.1.64/24");
            ChildJvm device = lab.java(rec, TestSadpResponder.class, "--interface", "eth0", "--mac",
                    "0a-92-01-00-00-40", "--ip", "192.168.1.64");
            device.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(60));
            ChildJvm bench = lab.java(kiosk, SadpProbeBench.class, "--interface", port, "--probes",
                    String.valueOf(probes));
            assertThat(bench.awaitExit(Duration.ofMinutes(5))).as(bench.stderr()).isZero();
            List<Long> micros = new ArrayList<>();
            long misses = 0;
            for (String l : bench.stdout()) {
                if (l.startsWith("LAT ")) {
                    micros.add(Long.parseLong(l.substring(4)));
                } else if (l.equals("MISS")) {
                    misses++;
                }
            }
            assertThat(micros.size() + misses).isEqualTo(probes);
            Collections.sort(micros);
            System.out.printf("BENCH sadp probe-to-first-device (netns veth, other subnet, %d probes): median %.3f ms,"
                    + " p95 %.3f ms, max %.3f ms, misses %d%n", micros.size(), pct(micros, 50) / 1000.0,
                    pct(micros, 95) / 1000.0, micros.get(micros.size() - 1) / 1000.0, misses);
        }
    }

    @Test
    void decodeThroughputOnTheRealCaptures() throws Exception {
        List<byte[]> captures = List.of(Fixtures.bytes(Fixtures.VECTOR_1), Fixtures.bytes(Fixtures.VECTOR_2),
                Fixtures.bytes(Fixtures.VECTOR_6));
        long sink = 0;
        for (int i = 0; i < 30_000; i++) {
            sink += SadpCodec.decode(captures.get(i % 3)).fields().size();
        }
        int n = 300_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += ProbeMatch.from(SadpCodec.decode(captures.get(i % 3))).resetMethods().size();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        assertThat(sink).isPositive();
        System.out.printf("BENCH sadp decode+map throughput (vectors 1, 2, 6): %.0f payloads/s (%d in %.2f s)%n",
                n / secs, n, secs);
    }

    private static long pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
