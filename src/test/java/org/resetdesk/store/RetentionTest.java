package org.resetdesk.store;

import org.resetdesk.job.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;
import org.resetdesk.testsupport.SecretScan;

class RetentionTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(TestJobs.T0);

    @Test
    void purgesPersonalDataOfOldFinishedJobsOnlyAndRecordsIt() {
        FileArtifacts files = new FileArtifacts(dir.resolve("data"));
        try (H2Database db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing())) {
            H2JobRepository jobs = new H2JobRepository(db);
            Job oldClosed = job(jobs, files, "Quentin Oldcustomer", List.of(JobState.IDENTIFIED, JobState.PASSWORD_SET,
                    JobState.CLOSED));
            Job oldAbandoned = job(jobs, files, "Rita Leftearly", List.of(JobState.ABANDONED));
            Job stillOpen = job(jobs, files, "Olga Stillwaiting", List.of(JobState.IDENTIFIED));
            clock.advance(Duration.ofDays(20));
            Job recentClosed = job(jobs, files, "Nina Recentcustomer", List.of(JobState.IDENTIFIED,
                    JobState.PASSWORD_SET, JobState.CLOSED));
            clock.advance(Duration.ofDays(15));

            List<String> purged = new Retention(jobs, files).purge(30, clock);

            assertThat(purged).containsExactly(oldClosed.id(), oldAbandoned.id());
            Job after = jobs.find(oldClosed.id()).orElseThrow();
            assertThat(after.intake()).isEqualTo(oldClosed.intake().anonymised());
            assertThat(after.state()).isEqualTo(JobState.CLOSED);
            assertThat(after.intake().labelSerial()).isEqualTo(oldClosed.intake().labelSerial());
            assertThat(after.updatedAt()).isEqualTo(oldClosed.updatedAt());
            assertThat(dir.resolve("data/jobs/" + oldClosed.id() + "/label.jpg")).doesNotExist();
            assertThat(dir.resolve("data/jobs/" + recentClosed.id() + "/label.jpg")).exists();
            assertThat(jobs.find(stillOpen.id())).contains(stillOpen);
            assertThat(jobs.find(recentClosed.id())).contains(recentClosed);
            assertThat(jobs.events(oldClosed.id())).last().satisfies(e -> {
                assertThat(e.type()).isEqualTo(Retention.EVENT);
                assertThat(e.at()).isEqualTo(clock.instant());
                assertThat(e.detail()).isEqualTo("personal data removed after 30 days (1 photo file(s) deleted)");
            });
            assertThat(jobs.searchClosed("quentin", 10)).isEmpty();
            assertThat(jobs.searchClosed(oldClosed.id(), 10)).containsExactly(after);
            assertThat(personalColumns(db, oldClosed.id())).isEqualTo("null|null|null|null|0|false");
            assertThat(new Retention(jobs, files).purge(30, clock)).as("nothing twice").isEmpty();
            assertThat(new AuditChain(db).verify().intact()).isTrue();
            assertThatThrownBy(() -> new Retention(jobs, files).purge(0, clock)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SecretScan.find("Nina Recentcustomer".toCharArray(), dir.resolve("db"))).isNotEmpty();
        // H2 compacts the file when the last connection closes: the purged names leave no trace in it
        SecretScan.assertAbsent("Quentin Oldcustomer".toCharArray(), dir.resolve("db"));
        SecretScan.assertAbsent("Rita Leftearly".toCharArray(), dir.resolve("db"));
    }

    @Test
    void purgeDeletesTheConsoleTranscriptsOfPurgedJobsOnly() throws Exception {
        FileArtifacts files = new FileArtifacts(dir.resolve("data"));
        try (H2Database db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing())) {
            H2JobRepository jobs = new H2JobRepository(db);
            Job old = job(jobs, files, "Tom Oldtranscript", List.of(JobState.ABANDONED));
            Job open = job(jobs, files, "Uma Stillopen", List.of(JobState.IDENTIFIED));
            Path oldDir = dir.resolve("data/jobs/" + old.id());
            Path current = java.nio.file.Files.writeString(oldDir.resolve("console-20261101T100000Z.log"),
                    "2026-11-01T10:00:00Z MAC: 08-A1-89-0E-18-97\n");
            Path rotated = java.nio.file.Files.writeString(oldDir.resolve("console-20261101T100000Z.log.1"), "x\n");
            Path request = java.nio.file.Files.writeString(oldDir.resolve("request.xml"), "<r/>");
            Path openTranscript = java.nio.file.Files.writeString(
                    dir.resolve("data/jobs/" + open.id()).resolve("console-20261101T100000Z.log"), "y\n");
            clock.advance(Duration.ofDays(31));

            assertThat(new Retention(jobs, files).purge(30, clock)).containsExactly(old.id());

            assertThat(current).doesNotExist();
            assertThat(rotated).doesNotExist();
            assertThat(request).as("evidence files stay").exists();
            assertThat(openTranscript).as("an open job keeps its transcript").exists();
            assertThat(jobs.events(old.id())).last().satisfies(e -> assertThat(e.detail()).isEqualTo(
                    "personal data removed after 30 days (1 photo file(s), 2 console transcript file(s) deleted)"));
        }
        SecretScan.assertAbsent("08-A1-89-0E-18-97".toCharArray(), dir.resolve("data"));
    }

    @Test
    void eachJobIsReadAndPurgedInsideItsLock() {
        FileArtifacts files = new FileArtifacts(dir.resolve("data"));
        try (H2Database db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing())) {
            H2JobRepository jobs = new H2JobRepository(db);
            Job old = job(jobs, files, "Tess Lockstep", List.of(JobState.ABANDONED));
            clock.advance(Duration.ofDays(31));
            List<String> locked = new ArrayList<>();
            List<String> purged = new Retention(jobs, files, (id, work) -> {
                // a note that lands just before the purge takes the lock is seen by it, not overwritten
                Job now = jobs.find(id).orElseThrow();
                jobs.save(now, List.of(JobEvent.of(id, clock.instant(), "note", "late note")));
                long before = jobs.events(id).stream().filter(e -> e.type().equals(Retention.EVENT)).count();
                work.run();
                long after = jobs.events(id).stream().filter(e -> e.type().equals(Retention.EVENT)).count();
                assertThat(after).as("the purge saved while holding the lock").isEqualTo(before + 1);
                locked.add(id);
            }).purge(30, clock);
            assertThat(purged).containsExactly(old.id());
            assertThat(locked).containsExactly(old.id());
            assertThat(jobs.find(old.id()).orElseThrow().intake()).isEqualTo(old.intake().anonymised());
            assertThat(jobs.events(old.id())).extracting(JobEvent::type).contains("note", Retention.EVENT);
        }
    }

    @Test
    void theKioskSchedulePurgesByItselfOnceAndSurvivesAFailedRun() {
        FileArtifacts files = new FileArtifacts(dir.resolve("data"));
        H2Database db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing());
        H2JobRepository jobs = new H2JobRepository(db);
        Job old = job(jobs, files, "Sven Longago", List.of(JobState.ABANDONED));
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> RetentionSchedule.start(new Retention(jobs, files), 0, clock, Duration.ZERO,
                Duration.ofMillis(20))).isInstanceOf(IllegalArgumentException.class);

        try (RetentionSchedule schedule = RetentionSchedule.start(new Retention(jobs, files), 30, clock,
                Duration.ZERO, Duration.ofMillis(20))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> schedule.runs() >= 3);
            assertThat(jobs.find(old.id()).orElseThrow().intake()).isEqualTo(old.intake().anonymised());
            assertThat(jobs.events(old.id())).filteredOn(e -> e.type().equals(Retention.EVENT)).hasSize(1);
            assertThat(schedule.failures()).isZero();

            db.close(); // the store goes away under the schedule: runs fail, the schedule keeps going
            await().atMost(Duration.ofSeconds(20)).until(() -> schedule.failures() >= 2);
        }
    }

    private Job job(H2JobRepository jobs, FileArtifacts files, String customer, List<JobState> path) {
        String id = jobs.nextJobId();
        String photo = "jobs/" + id + "/label.jpg";
        files.store(id, "label.jpg", new byte[] {(byte) 0xff, (byte) 0xd8});
        Intake base = TestJobs.intake(customer, "DS-" + id);
        Intake in = new Intake(base.staffId(), base.customerName(), base.customerContact(), base.ownershipKind(),
                base.ownershipRef(), base.idDocumentType(), base.idDocumentLast4(), base.consentVersion(),
                base.consentAcceptedAt(), base.notifyConsent(), base.labelSerial(), List.of(photo));
        Job job = Job.open(id, in, clock);
        List<JobEvent> evs = new ArrayList<>(List.of(JobEvent.of(id, clock.instant(), "job.opened", null)));
        Job end = TestJobs.walk(job, path, clock, evs);
        jobs.save(end, evs);
        return end;
    }

    private static String personalColumns(H2Database db, String id) {
        return db.read("read customer row", c -> {
            try (var ps = c.prepareStatement("SELECT name, contact, ownership_ref, id_doc_last4, photo_count,"
                    + " has_personal FROM customers WHERE job_id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                            + "|" + rs.getInt(5) + "|" + rs.getBoolean(6);
                }
            }
        });
    }
}
