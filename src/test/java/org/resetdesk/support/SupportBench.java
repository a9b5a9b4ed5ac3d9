package org.resetdesk.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/** Figures only (mvn -Pbench verify); nothing here asserts a speed. */
@Tag("bench")
class SupportBench {
    @TempDir
    Path dir;

    private static void report(String name, int n, long nanos) {
        System.out.printf("BENCH %s: %d runs, %.1f ms each%n", name, n, nanos / 1e6 / n);
    }

    @Test
    void packetsReceiptsOutboxAndStats() {
        var s = SupportSettings.fromProperties(TestJobs.baseProperties());
        var builder = new SupportPacketBuilder(ZoneId.of("UTC"));
        var receipts = new Receipts(s, ZoneId.of("UTC"));
        Job job = TestJobs.exported("RD-000001");
        byte[] request = "QUJD".repeat(200).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 5; i++) { // warm-up
            builder.build(job, request, TestJobs.form(s, job), null);
            receipts.intakeTicket(job, PaperWidth.ROLL_80MM, Instant.now());
        }
        int n = 20;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            builder.build(job, request, TestJobs.form(s, job), null);
        }
        report("support packet (request + QR + form PDF)", n, System.nanoTime() - t);
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            receipts.intakeTicket(job, PaperWidth.ROLL_80MM, Instant.now());
        }
        report("intake ticket 80 mm PDF", n, System.nanoTime() - t);

        Outbox outbox = new Outbox(dir.resolve("outbox"));
        var packet = builder.build(job, request, TestJobs.form(s, job), null);
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            outbox.enqueue(MailComposer.packet(packet, "a@b.test", "c@d.test", Instant.now()));
        }
        report("outbox enqueue (compose + fsync + rename)", n, System.nanoTime() - t);

        Random rnd = new Random(1);
        List<Job> jobs = new ArrayList<>();
        List<JobEvent> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Instant at = TestJobs.T0.plusSeconds(rnd.nextInt(30 * 86_400));
            Job j = TestJobs.exported(String.format("RD-%06d", i), TestJobs.SERIAL,
                    TestJobs.intakeAt("staff" + rnd.nextInt(5), "C", "c", false, TestJobs.SERIAL, at), at);
            jobs.add(j);
            events.add(JobEvent.of(j.id(), at, "export.written", ""));
            events.add(JobEvent.of(j.id(), at.plusSeconds(rnd.nextInt(86_400)), SupportEvents.REPLY_RECEIVED, ""));
        }
        t = System.nanoTime();
        var r = JobStats.compute(jobs, events, ZoneId.of("UTC"), java.time.LocalDate.MIN, java.time.LocalDate.MAX);
        ReportCsv.toCsv(r);
        report("stats + CSV over 10000 jobs / 20000 events", 1, System.nanoTime() - t);
    }
}
