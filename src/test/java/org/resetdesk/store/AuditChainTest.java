package org.resetdesk.store;

import org.resetdesk.job.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

class AuditChainTest {
    @TempDir
    Path dir;
    private H2Database db;
    private final MutableClock clock = new MutableClock(TestJobs.T0);

    @BeforeEach
    void fill() {
        db = H2Database.open(dir.resolve("kiosk"), H2Database.Options.createIfMissing());
        H2JobRepository jobs = new H2JobRepository(db);
        for (int i = 0; i < 4; i++) {
            Job job = TestJobs.open(jobs.nextJobId(), "Customer " + i, "DS-" + i, clock);
            List<JobEvent> evs = new ArrayList<>(List.of(JobEvent.of(job.id(), clock.instant(), "job.opened", "no " + i)));
            jobs.save(TestJobs.walk(job, List.of(JobState.IDENTIFIED, JobState.ABANDONED), clock, evs), evs);
        } // 12 events: seq 1..12, job RD-00000k holds seq 3k-2..3k
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditChain.Result r = new AuditChain(db).verify();
        assertThat(r.intact()).isTrue();
        assertThat(r.describe()).isEqualTo("audit: 12 events verified, chain intact");
    }

    @Test
    void theAppCannotUpdateOrDeleteEvents() {
        assertThatThrownBy(() -> sql("UPDATE events SET detail = 'x' WHERE seq = 2"))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM events WHERE seq = 12"))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM chain_head"))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        assertThat(new AuditChain(db).verify().intact()).isTrue();
    }

    @Test
    void aChangedRowIsNamed() {
        sql("DROP TRIGGER events_append_only");
        sql("UPDATE events SET detail = 'nothing happened' WHERE seq = 5");
        AuditChain.Result r = new AuditChain(db).verify();
        assertThat(r.brokenSeq()).isEqualTo(5L);
        assertThat(r.describe()).isEqualTo("audit: chain broken at event seq 5 (job RD-000002): its content does not"
                + " match its hash (the row was changed after it was written)");
    }

    @Test
    void aChangedTimeIsNamed() {
        sql("DROP TRIGGER events_append_only");
        sql("UPDATE events SET at = DATEADD(HOUR, -1, at) WHERE seq = 9");
        assertThat(new AuditChain(db).verify().brokenSeq()).isEqualTo(9L);
    }

    @Test
    void aRowRewrittenWithAFreshHashBreaksTheLinkOfTheNextRow() {
        sql("DROP TRIGGER events_append_only");
        String forged = EventHash.of(hashOf(6), 7, "RD-000003", TestJobs.T0, "job.opened", "forged");
        sql("UPDATE events SET detail = 'forged', at = TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00Z', hash = '"
                + forged + "' WHERE seq = 7");
        AuditChain.Result r = new AuditChain(db).verify();
        assertThat(r.brokenSeq()).isEqualTo(8L);
        assertThat(r.reason()).startsWith("it does not link to seq 7");
    }

    @Test
    void aRemovedRowIsNamed() {
        sql("DROP TRIGGER events_append_only");
        sql("DELETE FROM events WHERE seq = 4");
        AuditChain.Result r = new AuditChain(db).verify();
        assertThat(r.brokenSeq()).isEqualTo(5L);
        assertThat(r.reason()).isEqualTo("expected seq 4 next: rows 4..4 were removed");
    }

    @Test
    void rowsCutFromTheEndAreNoticed() {
        sql("DROP TRIGGER events_append_only");
        sql("DELETE FROM events WHERE seq >= 11");
        AuditChain.Result r = new AuditChain(db).verify();
        assertThat(r.intact()).isFalse();
        assertThat(r.brokenSeq()).isEqualTo(11L);
        assertThat(r.reason()).contains("the chain head names seq 12 but the log ends at seq 10");
    }

    private String hashOf(long seq) {
        return db.read("read a hash", c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT hash FROM events WHERE seq = " + seq)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private void sql(String sql) {
        db.read("tamper", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }
}
