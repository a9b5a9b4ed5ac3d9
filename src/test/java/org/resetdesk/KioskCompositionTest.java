package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobServiceTest;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.recorder.SupportDesk;
import org.resetdesk.support.SupportSettings;

/**
 * The kiosk's composition without a window: the real training recorder on loopback, the real H2 store, and the
 * support module's background parts running as they do at the counter.
 */
class KioskCompositionTest {
    @TempDir
    Path dir;

    @Test
    void aReplyDroppedInTheReplyFolderReachesItsJobWithoutAnyoneLooking() throws Exception {
        Path replies = Files.createDirectories(dir.resolve("replies"));
        Path file = Files.writeString(dir.resolve("kiosk.properties"), "reply.folder = " + replies + "\n");
        KioskConfig.registerKeys(SupportSettings.EXTRA_KEYS); // as Main does
        KioskConfig config = KioskConfig.load(file, true, Map.of(), dir.resolve("training"));
        try (KioskStarter.Composition c = KioskStarter.compose(config)) {
            JobService jobs = c.context().jobs();
            String serial = c.recorder().serial();
            Job job = jobs.open(JobServiceTest.intake(serial)).join();
            DeviceInfo device = jobs.discover(Duration.ofSeconds(2), d -> { }).join().stream()
                    .filter(d -> d.serial().equals(serial)).findFirst().orElseThrow();
            jobs.connect(job.id(), device).join();
            JobService.Exported e = jobs.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join();
            jobs.markSent(job.id(), "email").join();

            SupportDesk.Answer answer = SupportDesk.answer(e.request()); // support's reply, named their way
            Files.write(replies.resolve(answer.suggestedFileName()), answer.replyFile());

            await().atMost(Duration.ofSeconds(40)).until(() -> jobs.events(job.id()).join().stream()
                    .anyMatch(ev -> ev.type().equals("reply.received")));

            // the kiosk sent the packet with the counter's answers; a later plain send reuses them
            var paper = c.context().services().paperwork();
            paper.send(job.id(), false, new org.resetdesk.ui.PaperworkService.Details("Müller & Söhne, Köln",
                    "installer", "2026-11-25")).join();
            var again = paper.send(job.id(), false, null).join();
            assertThat(again.where()).isNotBlank();
            assertThat(jobs.events(job.id()).join()).filteredOn(ev -> ev.type().equals("support.formDetails"))
                    .singleElement().satisfies(ev -> assertThat(ev.detail()).contains("whereBought=M%C3%BCller"));
        }
    }

    @Test
    void aTrainingStationWithoutAConfigurationCanFillTheSupportForm() {
        KioskConfig.registerKeys(SupportSettings.EXTRA_KEYS);
        KioskConfig bare = KioskConfig.load(null, true, Map.of(), dir.resolve("training"));
        Job job = new Job("RD-1", org.resetdesk.job.JobState.AWAITING_REPLY, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, JobServiceTest.intake("DS-1"), org.resetdesk.job.FakeRecorderLink.nvr(
                "2026-11-20 08:00:00"), ResetMethod.ENCRYPTED_STRING, null, 0, null, null,
                org.resetdesk.job.GuardStatus.IDLE, "lo", null);
        org.resetdesk.support.RequestForm form = org.resetdesk.support.RequestForm.of(SupportWiring.settings(bare),
                job, new org.resetdesk.support.RequestForm.Purchase("Shop", "installer"), "2026-11-25");
        assertThat(form.missing()).isEmpty();

        assertThat(SupportWiring.settings(KioskConfig.load(Path.of("kiosk-config/kiosk.example.properties"), false,
                Map.of(), dir.resolve("t"))).requester().name()).as("a live station keeps its own")
                .isEqualTo("Jonas Weber");
    }
}
