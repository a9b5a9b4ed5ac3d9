package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.cli.GuidFiles;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobServiceTest;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.RefusedException;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.recorder.Profile;
import org.resetdesk.recorder.RecorderConfig;
import org.resetdesk.recorder.RecorderRuntime;
import org.resetdesk.recorder.SupportDesk;
import org.resetdesk.sadp.SadpClient;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import org.resetdesk.testsupport.SecretScan;
import org.resetdesk.ui.AftercareService;

/**
 * The kiosk's GUID service as KioskStarter wires it: JobService over real H2 files and the SADP client on loopback
 * to the virtual recorder; the file goes to the "USB stick" folder under a free name, and only its hash stays behind.
 */
class KioskAftercareGuidTest {
    private static final String NEW_PASSWORD = "Counter7Reset!";

    @TempDir
    Path dir;
    @TempDir
    Path usb;

    @Test
    void savesTheGuidOnTheStickUnderAFreeNameAndKeepsNoCopy() throws Exception {
        RecorderConfig cfg = RecorderConfig.training(Profile.NVR).withDownTime(Duration.ofMillis(300));
        ExecutorService io = Executors.newSingleThreadExecutor();
        H2Database db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing(), Clock.systemUTC());
        try (RecorderRuntime rt = RecorderRuntime.start(cfg, "lo", 0, 0);
             SadpClient link = new SadpClient("lo", rt.sadpPort(), Duration.ofSeconds(5))) {
            JobService jobs = new JobService(new H2JobRepository(db), link, new FileArtifacts(dir.resolve("data")),
                    Clock.systemUTC(), io);
            DeviceInfo d = link.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            Job job = jobs.open(JobServiceTest.intake(d.serial())).get(20, TimeUnit.SECONDS);
            jobs.connect(job.id(), d).get(20, TimeUnit.SECONDS);
            JobService.Exported ex = jobs.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).get(20, TimeUnit.SECONDS);
            jobs.importReply(job.id(), RecorderLink.ResetReply.file(SupportDesk.answer(ex.request()).replyFile()),
                    NEW_PASSWORD.toCharArray(), false).get(20, TimeUnit.SECONDS);
            Job set = jobs.find(job.id()).get(20, TimeUnit.SECONDS);

            KioskAftercare care = new KioskAftercare(jobs, (j, pin) -> {
                throw new AssertionError("the GUID export needs no ISAPI");
            }, Clock.systemUTC(), io);
            assertThat(care.savesGuid()).isTrue();
            char[] pw = NEW_PASSWORD.toCharArray();
            AftercareService.GuidSaved first = care.saveGuid(set, pw, usb).get(30, TimeUnit.SECONDS);
            assertThat(pw).as("the caller's array is the caller's").isEqualTo(NEW_PASSWORD.toCharArray());
            assertThat(first.saved()).as(first.outcome().toString()).isTrue();
            assertThat(first.file()).isEqualTo(usb.resolve(GuidFiles.fileName(d.serial())));
            byte[] guid = Files.readAllBytes(first.file());
            assertThat(guid).isEqualTo(rt.recorder().account().guidFile().orElseThrow());

            AftercareService.GuidSaved second = care.saveGuid(set, pw, usb).get(30, TimeUnit.SECONDS);
            assertThat(second.file().getFileName().toString()).endsWith("-DeviceGUID-2.xml");
            assertThat(Files.readAllBytes(first.file())).as("the earlier file is never overwritten").isEqualTo(guid);

            AftercareService.GuidSaved wrong = care.saveGuid(set, "Wrong-Pass-1".toCharArray(), usb)
                    .get(30, TimeUnit.SECONDS);
            assertThat(wrong.saved()).isFalse();
            assertThat(wrong.outcome().kind()).isEqualTo(DeviceOutcome.Kind.PASSWORD_ERROR);
            assertThat(wrong.outcome().retriesLeft()).isNotNull();

            int failedBefore = rt.recorder().snapshot().failedAttempts();
            assertThat(failedBefore).as("the wrong password above counted").isPositive();
            assertThatThrownBy(() -> care.saveGuid(set, pw, usb.resolve("unplugged")).get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(java.io.IOException.class).rootCause()
                    .hasMessageContaining("nothing was asked of the recorder");
            assertThat(usb.resolve("unplugged")).doesNotExist();
            assertThat(rt.recorder().snapshot().failedAttempts())
                    .as("no ExportGUID was sent (a good one would have cleared the count)").isEqualTo(failedBefore);

            jobs.close(job.id()).get(20, TimeUnit.SECONDS);
            assertThatThrownBy(() -> care.saveGuid(set, pw, usb).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RefusedException.class);

            db.close();
            SecretScan.assertAbsent(new String(guid, StandardCharsets.US_ASCII).toCharArray(), dir);
            SecretScan.assertAbsent(NEW_PASSWORD.toCharArray(), dir);
        } finally {
            io.shutdownNow();
            db.close();
        }
    }
}
