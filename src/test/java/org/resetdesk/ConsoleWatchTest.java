package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.console.BootLogWriter;
import org.resetdesk.console.BootScript;
import org.resetdesk.console.JobTranscripts;
import org.resetdesk.console.SocatPair;
import org.resetdesk.job.FakeRecorderLink;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobServiceTest;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;

/**
 * The kiosk's console watch as composed at the counter ({@code console.port} configured, a thread pool for the job
 * use cases, the H2 store): a reboot on the console voids the armed job and lands in the transcripts of the open jobs
 * with a connected recorder (not of a job still at intake); abandoning a job closes its transcript, and the job log names the file with its SHA-256 and line count.
 */
class ConsoleWatchTest {
    @TempDir
    Path dir;

    @Test
    void consoleLinesGoToEveryOpenJobsTranscriptUntilTheJobEnds() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path data = dir.resolve("data");
        ExecutorService io = Executors.newFixedThreadPool(2);
        try (SocatPair pair = SocatPair.start(dir.resolve("kiosk-console-" + pid + "-a"),
                dir.resolve("kiosk-console-" + pid + "-b"));
             H2Database db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing())) {
            Path file = Files.writeString(dir.resolve("kiosk.properties"), "sadp.interface=lo\nconsole.port="
                    + pair.a() + "\ndb.path=" + dir.resolve("db/kiosk") + "\ndata.dir=" + data + "\n");
            KioskConfig config = KioskConfig.load(file, false, Map.of(), dir.resolve("training"));
            H2JobRepository repo = new H2JobRepository(db);
            FakeRecorderLink link = new FakeRecorderLink(FakeRecorderLink.nvr("2026-11-20 08:00:00"));
            JobService jobs = new JobService(repo, link, new FileArtifacts(data), Clock.systemUTC(), io);
            Job armed = jobs.open(JobServiceTest.intake(link.device.serial())).join();
            jobs.connect(armed.id(), link.device).join();
            jobs.export(armed.id(), ResetMethod.ENCRYPTED_STRING, false).join();
            Job identified = jobs.open(JobServiceTest.intake(link.device.serial())).join();
            jobs.connect(identified.id(), link.device).join();
            Job waiting = jobs.open(JobServiceTest.intake("DS-OTHER0001")).join(); // at intake: no recorder here

            try (AutoCloseable watch = ConsoleWatch.startIfConfigured(config, jobs, Clock.systemUTC(), null)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> opened(repo, armed.id()) != null
                        && opened(repo, identified.id()) != null);
                try (BootLogWriter recorder = new BootLogWriter(pair.b(), 0.01)) {
                    recorder.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, "c0-56-e3-fe-42-92")
                            .done().get(10, TimeUnit.SECONDS);
                }
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> repo.find(armed.id()).orElseThrow().state() == JobState.VOIDED);
                for (Job j : List.of(armed, identified)) {
                    Path t = data.resolve(opened(repo, j.id()).detail());
                    await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(t).contains("Starting kernel"));
                    assertThat(Files.readString(t)).contains("U-Boot " + BootScript.DEFAULT_UBOOT);
                }

                assertThat(opened(repo, waiting.id())).as("another customer's job at intake gets no console lines")
                        .isNull();
                jobs.abandon(identified.id(), "customer left").join();
                await().atMost(Duration.ofSeconds(20)).until(() -> event(repo, identified.id(),
                        JobTranscripts.CLOSED) != null);
                String detail = event(repo, identified.id(), JobTranscripts.CLOSED).detail();
                Path t = data.resolve(opened(repo, identified.id()).detail());
                assertThat(detail).startsWith(opened(repo, identified.id()).detail() + " lines="
                        + Files.readString(t).lines().count() + " sha256=" + FileArtifacts.sha256(Files.readAllBytes(t))
                        + " parts=1 (job ABANDONED)");
                assertThat(event(repo, armed.id(), JobTranscripts.CLOSED)).as("still open").isNull();
            }
            // the kiosk shutting down closes the remaining transcript
            assertThat(event(repo, armed.id(), JobTranscripts.CLOSED).detail()).contains("the console watch stopped");
        } finally {
            io.shutdownNow();
        }
    }

    private static JobEvent opened(H2JobRepository repo, String id) {
        return event(repo, id, JobTranscripts.OPENED);
    }

    private static JobEvent event(H2JobRepository repo, String id, String type) {
        return repo.events(id).stream().filter(e -> e.type().equals(type)).findFirst().orElse(null);
    }
}
