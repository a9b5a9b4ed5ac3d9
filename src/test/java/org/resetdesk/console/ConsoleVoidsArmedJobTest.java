package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.ConsoleLink;
import org.resetdesk.job.FakeArtifacts;
import org.resetdesk.job.FakeJobRepository;
import org.resetdesk.job.FakeRecorderLink;
import org.resetdesk.job.GuardStatus;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;

/**
 * The wiring the kiosk uses, console side real: virtual recorder console -> socat pty -> SerialConsole ->
 * ConsoleLink.observing -> JobService.observe. (The network side is the in-memory recorder: it stays silent and
 * unchanged, so only the console can have voided the attempt.) A transcript records it all on disk.
 */
class ConsoleVoidsArmedJobTest {
    private static final String BOOT = "2026-11-20 08:00:00";

    @TempDir
    Path dir;

    private SocatPair pair;
    private SerialConsole console;
    private BootLogWriter recorder;
    private Transcript transcript;

    @AfterEach
    void tearDown() throws Exception {
        if (recorder != null) {
            recorder.close();
        }
        if (console != null) {
            console.stop();
        }
        if (transcript != null) {
            transcript.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private String armedJob(JobService svc, FakeRecorderLink link) {
        Intake intake = new Intake("anna", "Max Muster", "+49 170 000", Intake.OwnershipKind.INVOICE, "INV-42", null,
                null, "consent-v1", Instant.now().minusSeconds(60), false, link.device.serial(), List.of());
        Job job = svc.open(intake).join();
        svc.connect(job.id(), link.device).join();
        return svc.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join().job().id();
    }

    private JobService attach(FakeJobRepository repo) throws Exception {
        FakeRecorderLink link = new FakeRecorderLink(FakeRecorderLink.nvr(BOOT));
        JobService svc = new JobService(repo, link, new FakeArtifacts(), Clock.systemUTC(), Runnable::run);
        String jobId = armedJob(svc, link);
        long pid = ProcessHandle.current().pid();
        pair = SocatPair.start(dir.resolve("console-" + pid + "-kiosk"), dir.resolve("console-" + pid + "-recorder"));
        console = new SerialConsole(SerialSettings.defaults(pair.a().toString()), Clock.systemUTC());
        console.addListener(ConsoleLink.observing(obs -> svc.observe(jobId, obs)));
        transcript = Transcript.open(dir.resolve("transcripts"), jobId);
        console.addListener(transcript);
        console.start();
        await().atMost(Duration.ofSeconds(10)).until(console::isConnected);
        recorder = new BootLogWriter(pair.b(), 0.01);
        return svc;
    }

    @Test
    void aRebootOnTheConsoleVoidsTheArmedAttemptAtOnce() throws Exception {
        FakeJobRepository repo = new FakeJobRepository();
        JobService svc = attach(repo);
        String jobId = repo.openJobs().get(0).id();
        assertThat(repo.find(jobId).orElseThrow().state()).isEqualTo(JobState.REQUEST_EXPORTED);

        recorder.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, "c0-56-e3-fe-42-92")
                .bannerWritten().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> repo.find(jobId).orElseThrow().state() == JobState.VOIDED);

        Job voided = svc.find(jobId).join();
        assertThat(voided.guard()).isEqualTo(GuardStatus.RESTARTED);
        assertThat(voided.attempt().voidReason()).isEqualTo(Guards.RESTARTED_CONSOLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.readString(transcript.path())
                .contains("--- the recorder restarted (boot seen on its console)"));
        assertThat(java.nio.file.Files.readString(transcript.path())).contains("U-Boot 2010.06-svn64409");
    }

    @Test
    void aBootFailureIsShownButTheJobIsKept() throws Exception {
        FakeJobRepository repo = new FakeJobRepository();
        attach(repo);
        String jobId = repo.openJobs().get(0).id();
        // the recorder is stuck in its bootloader and only prints the halt: no banner reaches the kiosk
        recorder.play(new BootScript(List.of(new BootScript.Step(0,
                "## Booting kernel from Legacy Image at 42000000 ...\r\nLZMA data is corrupt -- System halted\r\n"))))
                .done().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> repo.find(jobId).orElseThrow().guard() == GuardStatus.NOT_BOOTING);
        Job kept = repo.find(jobId).orElseThrow();
        assertThat(kept.state()).isEqualTo(JobState.REQUEST_EXPORTED);
        assertThat(kept.attempt().isArmed()).isTrue();
    }
}
