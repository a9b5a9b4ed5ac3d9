package org.resetdesk.store;

import org.resetdesk.job.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

class H2JobRepositoryTest {
    @TempDir
    Path dir;
    private H2Database db;
    private H2JobRepository jobs;
    private final MutableClock clock = new MutableClock(TestJobs.T0);

    @BeforeEach
    void open() {
        db = H2Database.open(dir.resolve("kiosk"), H2Database.Options.createIfMissing());
        jobs = new H2JobRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void allocatesSequentialJobIds() {
        assertThat(jobs.nextJobId()).isEqualTo("RD-000001");
        assertThat(jobs.nextJobId()).isEqualTo("RD-000002");
    }

    @Test
    void snapshotsOfRandomJobTreesComeBackEqual() {
        Random rnd = new Random(20261125L);
        for (int i = 0; i < 300; i++) {
            Job job = TestJobs.randomJob(String.format("RD-%06d", i + 1), rnd);
            // the state history rule is not under test here: store each random state as a first, direct save
            assertThat(JobJson.read(job.id(), JobJson.write(job))).as("JSON round trip %s", i).isEqualTo(job);
            db.inTransaction("store a raw snapshot", c -> {
                JobRows.upsert(c, job);
                return null;
            });
            assertThat(jobs.find(job.id())).as("job %s", i).contains(job);
        }
    }

    @Test
    void savesSnapshotAndEventsTogetherAndNumbersTheEvents() {
        Job job = TestJobs.open(jobs.nextJobId(), "Ann Smith", "DS-1", clock);
        List<JobEvent> first = jobs.save(job, List.of(JobEvent.of(job.id(), clock.instant(), "job.opened", "walk-in")));
        clock.advance(Duration.ofMinutes(3));
        List<JobEvent> evs = new ArrayList<>();
        Job identified = TestJobs.walk(job.withDevice(TestJobs.device("DS-1", "C0:56:E3:FE:42:92"), "eth1"),
                List.of(JobState.IDENTIFIED), clock, evs);
        evs.add(JobEvent.of(null, clock.instant(), "device.found", "on eth1"));
        List<JobEvent> second = jobs.save(identified, evs);

        assertThat(first).extracting(JobEvent::seq).containsExactly(1L);
        assertThat(second).extracting(JobEvent::seq).containsExactly(2L, 3L);
        assertThat(second).extracting(JobEvent::jobId).containsOnly(job.id());
        assertThat(jobs.events(job.id())).extracting(JobEvent::type).containsExactly("job.opened", "state.IDENTIFIED",
                "device.found");
        assertThat(jobs.events(job.id()).get(1).at()).isEqualTo(clock.instant());
        assertThat(jobs.find(job.id())).contains(identified);
        assertThat(jobs.openJobForMac("c0-56-e3-fe-42-92")).contains(identified);
        assertThat(jobs.openJobForMac("c0-56-e3-fe-42-93")).isEmpty();
    }

    @Test
    void refusesASaveWhoseStateCouldNotBeReachedAndKeepsNothingOfIt() {
        Job job = TestJobs.open(jobs.nextJobId(), "Ann", "DS-1", clock);
        jobs.save(job, List.of(JobEvent.of(job.id(), clock.instant(), "job.opened", null)));
        Job closed = new Job(job.id(), JobState.CLOSED, job.createdAt(), clock.instant(), job.intake(), null, null, null,
                0, null, null, job.guard(), null, null);

        assertThatThrownBy(() -> jobs.save(closed, List.of(JobEvent.of(job.id(), clock.instant(), "state.CLOSED", null))))
                .isInstanceOf(StoreException.class)
                .hasMessage("refused to save: job " + job.id() + ": INTAKE cannot move to CLOSED");
        Job silentlyMoved = job.moveTo(JobState.IDENTIFIED, clock);
        assertThatThrownBy(() -> jobs.save(silentlyMoved, List.of(JobEvent.of(job.id(), clock.instant(), "note", null))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the events end in INTAKE but the job is IDENTIFIED");
        assertThat(jobs.find(job.id())).contains(job);
        assertThat(jobs.events(job.id())).hasSize(1);
    }

    @Test
    void aFailingSaveLeavesNeitherSnapshotNorEvents() {
        Job job = TestJobs.open(jobs.nextJobId(), "Ann", "DS-1", clock);
        List<JobEvent> evs = List.of(JobEvent.of(job.id(), clock.instant(), "job.opened", null),
                JobEvent.of(job.id(), clock.instant(), "x".repeat(65), null));
        assertThatThrownBy(() -> jobs.save(job, evs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event type longer than 64");
        assertThatThrownBy(() -> jobs.save(job, List.of(JobEvent.of("RD-999999", clock.instant(), "x", null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jobs.find(job.id())).isEmpty();
        assertThat(jobs.events(job.id())).isEmpty();
        assertThat(new AuditChain(db).verify().intact()).isTrue();
    }

    @Test
    void boardListsOpenJobsAndHistorySearchFindsClosedOnesNewestFirst() {
        Job a = saveWalk("Zoë Müller", "DS-AAA", List.of(JobState.IDENTIFIED, JobState.PASSWORD_SET, JobState.CLOSED));
        clock.advance(Duration.ofHours(1));
        Job b = saveWalk("Bob 100%_Real", "DS-BBB", List.of(JobState.ABANDONED));
        clock.advance(Duration.ofHours(1));
        Job c = saveWalk("Carla", "DS-CCC", List.of(JobState.IDENTIFIED));
        Job d = saveWalk("Dora", "DS-DDD", List.of());

        assertThat(jobs.openJobs()).containsExactly(c, d);
        assertThat(jobs.searchClosed("", 10)).containsExactly(b, a);
        assertThat(jobs.searchClosed("zoë", 10)).containsExactly(a);
        assertThat(jobs.searchClosed("ds-bbb", 10)).containsExactly(b);
        assertThat(jobs.searchClosed(a.id().toLowerCase(), 10)).containsExactly(a);
        assertThat(jobs.searchClosed("100%_", 10)).containsExactly(b);
        assertThat(jobs.searchClosed("%", 10)).containsExactly(b);
        assertThat(jobs.searchClosed("_", 10)).containsExactly(b);
        assertThat(jobs.searchClosed("carla", 10)).as("open jobs are not history").isEmpty();
        assertThat(jobs.searchClosed("", 1)).containsExactly(b);
    }

    @Test
    void openJobsReloadAfterTheDatabaseIsReopened() {
        Job c = saveWalk("Carla", "DS-CCC", List.of(JobState.IDENTIFIED));
        saveWalk("Ann", "DS-AAA", List.of(JobState.ABANDONED));
        db.close();
        db = H2Database.open(dir.resolve("kiosk"), H2Database.Options.existing());
        jobs = new H2JobRepository(db);
        assertThat(jobs.openJobs()).containsExactly(c);
        assertThat(jobs.nextJobId()).isEqualTo("RD-000003");
    }

    private Job saveWalk(String customer, String serial, List<JobState> path) {
        Job job = TestJobs.open(jobs.nextJobId(), customer, serial, clock);
        List<JobEvent> evs = new ArrayList<>(List.of(JobEvent.of(job.id(), clock.instant(), "job.opened", null)));
        Job end = TestJobs.walk(job, path, clock, evs);
        jobs.save(end, evs);
        return end;
    }
}
