package org.resetdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points, many times: a child JVM saves jobs and prints each acknowledged event; the test kills
 * it after a seeded random number of acknowledgements, reopens the database and checks that nothing acknowledged is
 * lost, the chain verifies, and every job's state is reachable through its state events (the next child checks this
 * first, the test itself after the last kill). Four databases run side by side (H2 waits about 4 s for a dead
 * process's lock file to go stale), five rounds each: 20 kills.
 */
class DurabilityTest {
    private static final long SEED = 0x5EED_2026L;
    private static final int LANES = 4;
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedEventIsLostAcrossRandomKills() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LANES);
        try {
            List<Future<Integer>> lanes = new ArrayList<>();
            for (int lane = 0; lane < LANES; lane++) {
                long seed = SEED + lane;
                Path base = java.nio.file.Files.createDirectories(dir.resolve("lane" + lane)).resolve("kiosk");
                lanes.add(pool.submit(() -> runLane(base, new Random(seed))));
            }
            int kills = 0;
            for (Future<Integer> f : lanes) {
                kills += f.get(170, TimeUnit.SECONDS);
            }
            assertThat(kills).isEqualTo(LANES * ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private int runLane(Path base, Random rnd) throws Exception {
        long acknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 1 + rnd.nextInt(150);
            List<String> lines;
            try (ChildJvm child = ChildJvm.start(base.resolveSibling("child" + round + ".err"), DurabilityChild.class,
                    base.toString(), Long.toString(rnd.nextLong()), Long.toString(acknowledged))) {
                if (round > 0) {
                    String check = child.await(l -> l.startsWith("check "), ChildJvm.timeout());
                    assertThat(check).as("%s after kill %d", base, round).isEqualTo("check ok");
                }
                long target = acknowledged + killAfter;
                child.await(l -> l.startsWith("ack ") && Long.parseLong(l.substring(4)) >= target, ChildJvm.timeout());
                child.kill9();
                lines = child.drainAfterExit(Duration.ofSeconds(10));
            }
            for (String l : lines) {
                if (l.startsWith("ack ")) {
                    acknowledged = Math.max(acknowledged, Long.parseLong(l.substring(4)));
                }
            }
        }
        try (H2Database db = H2Database.open(base, H2Database.Options.existing())) {
            assertThat(DurabilityCheck.problem(db, acknowledged)).as("%s after the last kill", base).isNull();
        }
        return ROUNDS;
    }
}
