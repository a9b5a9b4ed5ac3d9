package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

class JobStatsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant DAY1 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-24T09:00:00Z");

    private static Job job(String id, String staff, Instant created) {
        return TestJobs.exported(id, TestJobs.SERIAL, TestJobs.intakeAt(staff, "C", "c@x.test", false, TestJobs.SERIAL,
                created), created.plus(Duration.ofMinutes(10)));
    }

    @Test
    void figuresComeFromJobsAndEvents() {
        Job a = TestJobs.passwordSet(job("RD-000001", "anna", DAY1));
        Job b = job("RD-000002", "anna", DAY2).abandoned("customer left", Clock.fixed(DAY2, LONDON));
        Job c = TestJobs.passwordSet(job("RD-000003", "ben", DAY2));
        Job d = job("RD-000004", "ben", DAY2); // still waiting
        List<JobEvent> ev = List.of(
                JobEvent.of("RD-000001", DAY1.plusSeconds(600), "state.REQUEST_EXPORTED", ""),
                JobEvent.of("RD-000001", DAY1.plusSeconds(600 + 3600), SupportEvents.REPLY_RECEIVED, "r"),
                JobEvent.of("RD-000003", DAY2.plusSeconds(600), "state.REQUEST_EXPORTED", ""),
                JobEvent.of("RD-000003", DAY2.plusSeconds(900), "guard.voided",
                        Guards.RESTARTED + " (boot time a → b)"),
                JobEvent.of("RD-000003", DAY2.plusSeconds(1200), "export.written", ""),
                JobEvent.of("RD-000003", DAY2.plusSeconds(1200 + 3 * 3600), "state.REPLY_RECEIVED", "r"),
                JobEvent.of("RD-000003", DAY2.plusSeconds(1200 + 4 * 3600), SupportEvents.REPLY_RECEIVED, "again"),
                JobEvent.of("RD-000004", DAY2.plusSeconds(700), "guard.voided",
                        Guards.NETWORK_CHANGED + ": IP x → y"),
                JobEvent.of("RD-000004", DAY2.plusSeconds(800), "guard.voided", Guards.NETWORK_CHANGED + ": mask"),
                JobEvent.of("RD-000099", DAY2, "guard.voided", "belongs to a job outside the period"));

        var r = JobStats.compute(List.of(a, b, c, d), ev, LONDON, LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-24"));

        assertThat(r.jobs()).isEqualTo(4);
        assertThat(r.perDay()).containsExactly(Map.entry(LocalDate.parse("2026-11-23"), 1L),
                Map.entry(LocalDate.parse("2026-11-24"), 3L));
        assertThat(r.perStaff()).containsExactly(Map.entry("anna", 2L), Map.entry("ben", 2L));
        assertThat(r.succeeded()).isEqualTo(2);
        assertThat(r.abandoned()).isEqualTo(1);
        assertThat(r.successRate()).hasValueSatisfying(x -> assertThat(x).isEqualTo(2.0 / 3));
        assertThat(r.turnaround().count()).isEqualTo(2);
        assertThat(r.turnaround().median()).isEqualTo(Duration.ofMinutes(120));
        assertThat(r.turnaround().max()).isEqualTo(Duration.ofHours(3));
        // RD-000002 has no void event, but abandoning it voided its armed attempt (from the job snapshot)
        assertThat(r.voidedByReason()).containsExactly(Map.entry("abandoned", 1L),
                Map.entry(Guards.NETWORK_CHANGED, 2L), Map.entry(Guards.RESTARTED, 1L));

        var onlyDay1 = JobStats.compute(List.of(a, b, c, d), ev, LONDON, LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-23"));
        assertThat(onlyDay1.jobs()).isEqualTo(1);
        assertThat(onlyDay1.voidedByReason()).isEmpty();
    }

    @Test
    void noFinishedJobsMeansNoSuccessRate() {
        var r = JobStats.compute(List.of(), List.of(), LONDON, LocalDate.MIN, LocalDate.MAX);
        assertThat(r.successRate()).isEmpty();
        assertThat(ReportCsv.toCsv(r)).contains("success_rate,,\r\n", "turnaround_median_minutes,,\r\n");
    }

    @Test
    void csvEscapesCellsAndDefusesFormulas() {
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.cell("-1.5")).isEqualTo("-1.5");
        assertThat(ReportCsv.cell("@staff")).isEqualTo("'@staff");
    }

    @Test
    void turnaroundsNeverNegativeAndNeverMoreThanExports() {
        Random rnd = new Random(99);
        for (int round = 0; round < 200; round++) {
            List<JobEvent> ev = new ArrayList<>();
            Instant t = DAY1;
            int exports = 0;
            for (int i = 0; i < rnd.nextInt(12); i++) {
                t = t.plusSeconds(rnd.nextInt(7200));
                boolean export = rnd.nextBoolean();
                exports += export ? 1 : 0;
                ev.add(JobEvent.of("RD-1", t, export ? "export.written" : SupportEvents.REPLY_RECEIVED, ""));
            }
            List<Duration> turns = JobStats.turnarounds(ev);
            assertThat(turns.size()).isLessThanOrEqualTo(exports);
            assertThat(turns).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
        }
    }
}
