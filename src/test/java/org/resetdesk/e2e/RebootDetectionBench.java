package org.resetdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resetdesk.e2e.E2eRig.Recorder;
import org.resetdesk.testsupport.NsProcess;

/**
 * Reboot-detection latency on the namespace link: a long-running {@code job watch --period-ms 500} in the kiosk
 * namespace, a real virtual recorder (in another subnet) rebooted through {@code recorder-ctl reboot --down-ms 300}.
 * Each round measures from the moment {@code recorder-ctl} reports the reboot done to the moment the watch prints
 * {@code guard.voided}, then arms a fresh job (open, connect, export) for the next round.
 */
@Tag("bench")
class RebootDetectionBench {
    static final int ROUNDS = 20;
    static final long DOWN_MS = 300;
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void rebootDetectionLatency() throws Exception {
        try (E2eRig rig = E2eRig.create()) {
            Recorder rec = rig.recorder("nvr", "10.93.9.1/24", "192.168.9.64/24").awaitStarted();
            Desk desk = rig.desk(rec);
            String id = arm(desk, 0);
            long tx = rig.lab.counter(rig.kiosk, rec.port, "tx_packets");
            NsProcess watch = desk.start("job", "watch", "--period-ms", "500");
            await().atMost(WAIT).until(() -> rig.lab.counter(rig.kiosk, rec.port, "tx_packets") >= tx + 6);

            List<Long> ms = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                int from = watch.lines().size();
                NsProcess reboot = rec.ctlAsync("reboot", "--down-ms", String.valueOf(DOWN_MS));
                long issued = reboot.awaitLine(0, l -> !l.isBlank(), WAIT).nanos();
                String job = id;
                NsProcess.Line voided = watch.awaitLine(from, l -> l.contains("\"guard.voided\"")
                        && l.contains("\"" + job + "\""), WAIT);
                JsonNode v = E2eRig.json(voided.text());
                assertThat(v.get("detail").asText()).startsWith("the recorder restarted");
                ms.add(Math.max(0, voided.nanos() - issued) / 1_000_000);
                assertThat(reboot.awaitExit(WAIT)).isZero();
                if (round < ROUNDS) {
                    id = arm(desk, round);
                }
            }
            assertThat(watch.isAlive()).isTrue();
            watch.close();
            List<Long> sorted = ms.stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            System.out.println("BENCH reboot-detection: median " + median + " ms, p95 " + p95 + " ms (n="
                    + sorted.size() + ", down time " + DOWN_MS + " ms included, watch period 500 ms; all " + ms
                    + ")");
        }
    }

    /**
     * Console vs network: the recorder prints its boot log to a socat pty; the test reads the other end and stamps
     * the first banner line, while the network watch voids the job once the recorder is back on the network.
     */
    @Test
    void consoleBannerVersusNetworkDetection() throws Exception {
        int rounds = 5;
        long down = 3000;
        try (E2eRig rig = E2eRig.create(); PtyPair pty = PtyPair.start(rig.dir.resolve("rec-console"),
                rig.dir.resolve("kiosk-console"))) {
            Recorder rec = rig.recorder("nvr", "10.93.10.1/24", "10.93.10.64/24", "--console", pty.a.toString())
                    .awaitStarted();
            Desk desk = rig.desk(rec);
            String id = arm(desk, 0);
            long tx = rig.lab.counter(rig.kiosk, rec.port, "tx_packets");
            NsProcess watch = desk.start("job", "watch", "--period-ms", "500");
            await().atMost(WAIT).until(() -> rig.lab.counter(rig.kiosk, rec.port, "tx_packets") >= tx + 6);
            List<Long> console = new ArrayList<>();
            List<Long> network = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                int from = watch.lines().size();
                int consoleFrom = pty.lines().size();
                NsProcess reboot = rec.ctlAsync("reboot", "--down-ms", String.valueOf(down));
                long issued = reboot.awaitLine(0, l -> !l.isBlank(), WAIT).nanos();
                NsProcess.Line banner = pty.awaitLine(consoleFrom, l -> l.contains("U-Boot"), WAIT);
                String job = id;
                NsProcess.Line voided = watch.awaitLine(from, l -> l.contains("\"guard.voided\"")
                        && l.contains("\"" + job + "\""), WAIT);
                console.add((banner.nanos() - issued) / 1_000_000);
                network.add((voided.nanos() - issued) / 1_000_000);
                assertThat(voided.nanos()).as("the console shows the reboot first").isGreaterThan(banner.nanos());
                if (round < rounds) {
                    id = arm(desk, round);
                }
            }
            watch.close();
            System.out.println("BENCH console-vs-network: console banner median " + median(console)
                    + " ms, network void median " + median(network) + " ms after the reboot (n=" + rounds
                    + ", down time " + down + " ms; console " + console + ", network " + network + ")");
        }
    }

    static long median(List<Long> xs) {
        return xs.stream().sorted().toList().get(xs.size() / 2);
    }

    /** A fresh armed job on the recorder: open, connect, export (a new job each round, see the report). */
    private static String arm(Desk desk, int round) {
        String id = desk.openAndConnect();
        desk.export(id, desk.dir.resolve("request-" + round + ".xml"));
        return id;
    }
}
