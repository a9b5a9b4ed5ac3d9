package org.resetdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobServiceTest;
import org.resetdesk.job.Job;
import org.resetdesk.job.MutableClock;

class BackupsTest {
    @TempDir
    Path dir;

    @Test
    void onlineBackupsKeepTheNewestGenerationsAndHoldTheData() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:30:00Z"));
        try (H2Database db = H2Database.open(dir.resolve("rd"), H2Database.Options.createIfMissing(), clock)) {
            H2JobRepository repo = new H2JobRepository(db);
            Job job = Job.open(repo.nextJobId(), JobServiceTest.intake("DS-X20200101AAWR123456789"), clock);
            repo.save(job, List.of(JobEvent.of(job.id(), clock.instant(), "state.INTAKE", "opened")));
            Backups b = new Backups(db, clock);
            Path first = null;
            for (int i = 0; i < 4; i++) {
                Path zip = b.backup(3);
                first = first == null ? zip : first;
                clock.advance(Duration.ofDays(1));
            }
            assertThat(b.generations()).hasSize(3).doesNotContain(first);
            Path newest = b.generations().get(2);
            try (ZipFile z = new ZipFile(newest.toFile())) {
                assertThat(z.stream().map(e -> e.getName())).anyMatch(n -> n.endsWith(".mv.db"));
            }
            assertThat(Files.size(newest)).isPositive();
        }
    }
}
