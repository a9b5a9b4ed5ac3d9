package org.resetdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

/** Store figures: {@code mvn -Pbench verify -Dtest='org.resetdesk.store.StoreBenchmark'}. */
@Tag("bench")
class StoreBenchmark {
    private static final int CLOSED_JOBS = 100_000;
    private static final int EVENTS = 1_000_000;
    private static final int OPEN_JOBS = 40;

    @TempDir
    Path dir;

    @Test
    void eventAppendRateWithTheDurabilitySettings() {
        try (H2Database db = H2Database.open(dir.resolve("append/kiosk"), H2Database.Options.createIfMissing())) {
            Clock clock = Clock.systemUTC();
            H2JobRepository synced = new H2JobRepository(db, true);
            H2JobRepository unsynced = new H2JobRepository(db, false);
            Job job = TestJobs.open(synced.nextJobId(), "Bench", "DS-B", clock).moveTo(JobState.IDENTIFIED, clock);
            synced.save(job, List.of(JobEvent.of(job.id(), clock.instant(), "state.IDENTIFIED", null)));
            String[] modes = {"plain event (WRITE_DELAY=0)", "state transition, CHECKPOINT SYNC off",
                    "state transition, CHECKPOINT SYNC on"};
            double[][] rates = new double[modes.length][7];
            for (int round = 0; round < 8; round++) { // round 0 warms up; modes interleave so load spikes hit all
                for (int m = 0; m < modes.length; m++) {
                    H2JobRepository jobs = m == 2 ? synced : unsynced;
                    String type = m == 0 ? "guard.observed" : "state.IDENTIFIED";
                    int n = 300;
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        jobs.save(job, List.of(JobEvent.of(job.id(), clock.instant(), type, "round " + round)));
                    }
                    if (round > 0) {
                        rates[m][round - 1] = n / seconds(t0);
                    }
                }
            }
            for (int m = 0; m < modes.length; m++) {
                Arrays.sort(rates[m]);
                double median = rates[m][3];
                System.out.printf(Locale.ROOT, "BENCH append, one save per event, %s: %.0f saves/s median (%.2f ms"
                        + " each; range %.0f..%.0f)%n", modes[m], median, 1000 / median, rates[m][0], rates[m][6]);
            }
            assertThat(new AuditChain(db).verify().intact()).isTrue();
        }
        for (int iterations : new int[] {PinHash.MIN_ITERATIONS, PinHash.DEFAULT_ITERATIONS}) {
            PinHash.derive("123456".toCharArray(), new byte[16], iterations); // warm-up
            System.out.printf(Locale.ROOT, "BENCH PBKDF2-HMAC-SHA256 %d iterations: %.0f ms%n", iterations,
                    median(5, () -> {
                        long t = System.nanoTime();
                        PinHash.derive("123456".toCharArray(), new byte[16], iterations);
                        return (System.nanoTime() - t) / 1e6;
                    }));
        }
    }

    @Test
    void boardAndHistoryWithAHundredThousandClosedJobsAndAMillionEvents() throws Exception {
        Path base = dir.resolve("big/kiosk");
        Job template;
        long t0 = System.nanoTime();
        try (H2Database db = H2Database.open(base, H2Database.Options.createIfMissing())) {
            H2JobRepository jobs = new H2JobRepository(db);
            Clock clock = Clock.fixed(TestJobs.T0, java.time.ZoneOffset.UTC);
            template = TestJobs.open("RD-000000", "Template", "DS-T", clock)
                    .withDevice(TestJobs.device("DS-T", "c0-56-e3-fe-42-92"), "eth1");
            generate(db, template);
            System.out.printf(Locale.ROOT, "BENCH generate %d closed jobs + %d events (batch inserts): %.1f s%n",
                    CLOSED_JOBS, EVENTS, seconds(t0));
            for (int i = 0; i < OPEN_JOBS; i++) {
                Job open = TestJobs.open(jobs.nextJobId(), "Open " + i, "DS-O" + i, clock);
                jobs.save(open, List.of(JobEvent.of(open.id(), clock.instant(), "job.opened", null)));
            }
            assertThat(jobs.openJobs()).hasSize(OPEN_JOBS);
            report("open jobs board (" + OPEN_JOBS + " open)", () -> jobs.openJobs().size());
            report("history search, one customer", () -> jobs.searchClosed("customer 099999", 20).size());
            report("history search, no match (full scan)", () -> jobs.searchClosed("nobody-by-this-name", 20).size());
            report("history search, common text, 20 newest", () -> jobs.searchClosed("customer 0", 20).size());
            report("events of one job", () -> jobs.events("RD-050000").size());
            assertThat(jobs.searchClosed("customer 099999", 20)).hasSize(1);
            long v = System.nanoTime();
            AuditChain.Result r = new AuditChain(db).verify();
            assertThat(r.intact()).isTrue();
            System.out.printf(Locale.ROOT, "BENCH audit verify over %d events: %.1f s%n", r.checked(), seconds(v));
        }
        System.out.printf(Locale.ROOT, "BENCH database size after close: %.1f MB%n", Files.size(base.resolveSibling("kiosk.mv.db")) / 1e6);
        long o = System.nanoTime();
        try (H2Database db = H2Database.open(base, H2Database.Options.existing())) {
            System.out.printf(Locale.ROOT, "BENCH reopen (Flyway check): %.0f ms%n", seconds(o) * 1000);
            long c = System.nanoTime();
            db.read("compact", conn -> {
                try (Statement s = conn.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
                return null;
            });
            System.out.printf(Locale.ROOT, "BENCH SHUTDOWN COMPACT (what a start after a crash costs): %.1f s, %.1f MB%n",
                    seconds(c), Files.size(base.resolveSibling("kiosk.mv.db")) / 1e6);
        } catch (StoreException closedByCompact) {
            // the connection is gone after SHUTDOWN: expected
        }
    }

    private static void generate(H2Database db, Job template) {
        String json = JobJson.write(template);
        Instant t = TestJobs.T0;
        int perJob = EVENTS / CLOSED_JOBS;
        String[] chain = {EventHash.GENESIS};
        long[] seq = {0};
        for (int from = 1; from <= CLOSED_JOBS; from += 5000) {
            int start = from;
            db.inTransaction("generate", c -> {
                try (PreparedStatement jobs = c.prepareStatement("INSERT INTO jobs VALUES (?, 'CLOSED', FALSE, ?, ?, 'ann',"
                        + " ?, ?, NULL, NULL, ?, ?)");
                     PreparedStatement cust = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, 'RECEIPT', 'INV-1',"
                             + " 'passport', '4711', 0, TRUE)");
                     PreparedStatement ev = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = start; i < start + 5000 && i <= CLOSED_JOBS; i++) {
                        String id = String.format(Locale.ROOT, "RD-%06d", i);
                        String name = String.format(Locale.ROOT, "Customer %06d", i);
                        Instant at = t.plusSeconds(i * 60L);
                        String serial = "DS-" + i;
                        jobs.setString(1, id);
                        jobs.setObject(2, EventLog.utc(at));
                        jobs.setObject(3, EventLog.utc(at.plusSeconds(3600)));
                        jobs.setString(4, serial);
                        jobs.setString(5, serial);
                        jobs.setString(6, (id + "\n" + name + "\n" + serial).toLowerCase(Locale.ROOT));
                        jobs.setString(7, json.replace("RD-000000", id).replace("\"Template\"", "\"" + name + "\""));
                        jobs.addBatch();
                        cust.setString(1, id);
                        cust.setString(2, name);
                        cust.setString(3, name + "@example.test");
                        cust.addBatch();
                        for (int k = 0; k < perJob; k++) {
                            seq[0]++;
                            String type = k == 0 ? "job.opened" : k == perJob - 1 ? "state.CLOSED" : "guard.observed";
                            Instant when = at.plusSeconds(k * 10L);
                            String hash = EventHash.of(chain[0], seq[0], id, when, type, "bench " + k);
                            ev.setLong(1, seq[0]);
                            ev.setString(2, id);
                            ev.setObject(3, EventLog.utc(when));
                            ev.setString(4, type);
                            ev.setString(5, "bench " + k);
                            ev.setString(6, chain[0]);
                            ev.setString(7, hash);
                            ev.addBatch();
                            chain[0] = hash;
                        }
                    }
                    jobs.executeBatch();
                    cust.executeBatch();
                    ev.executeBatch();
                }
                try (PreparedStatement head = c.prepareStatement("UPDATE chain_head SET last_seq = ?, last_hash = ?")) {
                    head.setLong(1, seq[0]);
                    head.setString(2, chain[0]);
                    head.executeUpdate();
                }
                return null;
            });
        }
        db.read("advance the job number", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER SEQUENCE job_number RESTART WITH " + (CLOSED_JOBS + 1));
            }
            return null;
        });
    }

    private static void report(String what, Supplier<Integer> query) {
        query.get(); // warm-up
        int[] rows = new int[1];
        double ms = median(7, () -> {
            long t = System.nanoTime();
            rows[0] = query.get();
            return (System.nanoTime() - t) / 1e6;
        });
        System.out.printf(Locale.ROOT, "BENCH %s: %.1f ms median (%d rows)%n", what, ms, rows[0]);
    }

    private static double median(int runs, Supplier<Double> run) {
        double[] all = new double[runs];
        for (int i = 0; i < runs; i++) {
            all[i] = run.get();
        }
        Arrays.sort(all);
        return all[runs / 2];
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
