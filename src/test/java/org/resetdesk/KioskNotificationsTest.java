package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.recorder.SupportDesk;
import org.resetdesk.support.SupportEvents;
import org.resetdesk.support.SupportSettings;

/**
 * "Your recorder is ready" from the composed kiosk: the real training recorder on loopback, the real H2 store, the
 * job engine's own reset, and the mail received by GreenMail — only for the customer who agreed at intake.
 */
class KioskNotificationsTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(loopbackSmtp());

    @TempDir
    Path dir;

    private static ServerSetup loopbackSmtp() {
        ServerSetup s = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        s.setServerStartupTimeout(20_000);
        return s;
    }

    private static Intake intake(String serial, String contact, boolean notify) {
        return new Intake("trainee", "Jo Customer", contact, Intake.OwnershipKind.INVOICE, "INV-42", null, null,
                "consent-v1", Instant.parse("2026-11-25T09:59:00Z"), notify, serial, List.of());
    }

    /** Opens, connects, exports and resets a job with support's answer; returns it at PASSWORD_SET. */
    private static Job resetThrough(JobService jobs, String serial, Intake intake) throws Exception {
        Job job = jobs.open(intake).join();
        DeviceInfo device = jobs.discover(Duration.ofSeconds(2), d -> { }).join().stream()
                .filter(d -> d.serial().equals(serial)).findFirst().orElseThrow();
        jobs.connect(job.id(), device).join();
        JobService.Exported e = jobs.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join();
        jobs.markSent(job.id(), "email").join();
        SupportDesk.Answer answer = SupportDesk.answer(e.request());
        JobService.ResetAttempt r = jobs.importReply(job.id(), RecorderLink.ResetReply.file(answer.replyFile()),
                "Tr4vel-Blue9".toCharArray(), false).join();
        assertThat(r.job().state()).isEqualTo(JobState.PASSWORD_SET);
        return r.job();
    }

    private static List<String> types(JobService jobs, String id) {
        return jobs.events(id).join().stream().map(JobEvent::type).toList();
    }

    @Test
    void theConsentingCustomerHearsTheRecorderIsReadyAndTheOtherDoesNot() throws Exception {
        Path file = Files.writeString(dir.resolve("kiosk.properties"), "smtp.host=127.0.0.1\nsmtp.port="
                + mail.getSmtp().getPort() + "\nsmtp.starttls=false\nsmtp.from=desk@counterfixers.test\n"
                + "support.email=support@vendor.test\nshop.name=Counter Fixers\n");
        KioskConfig.registerKeys(SupportSettings.EXTRA_KEYS); // as Main does
        KioskConfig config = KioskConfig.load(file, true, Map.of(), dir.resolve("training"));
        try (KioskStarter.Composition c = KioskStarter.compose(config)) {
            JobService jobs = c.context().jobs();
            String serial = c.recorder().serial();

            Job agreed = resetThrough(jobs, serial, intake(serial, "jo@example.test", true));
            await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length == 1);
            MimeMessage m = mail.getReceivedMessages()[0];
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("jo@example.test");
            assertThat(m.getSubject()).isEqualTo("Your recorder is ready (" + agreed.id() + ")");
            String text = ((Multipart) m.getContent()).getBodyPart(0).getContent().toString();
            assertThat(text).contains("Hello Jo Customer", agreed.id(), "Counter Fixers")
                    .doesNotContain("Tr4vel-Blue9", "INV-42");
            await().atMost(Duration.ofSeconds(20)).until(() -> types(jobs, agreed.id())
                    .contains(SupportEvents.HANDOFF_DELIVERED));
            assertThat(types(jobs, agreed.id())).containsSubsequence("state.PASSWORD_SET",
                    SupportEvents.NOTIFY_QUEUED, SupportEvents.HANDOFF_DELIVERED);

            jobs.startAftercare(agreed.id()).join();
            jobs.close(agreed.id()).join();
            Job declined = resetThrough(jobs, serial, intake(serial, "max@example.test", false));
            await().atMost(Duration.ofSeconds(20)).until(() -> types(jobs, declined.id())
                    .contains(SupportEvents.NOTIFY_SKIPPED));
            assertThat(jobs.events(declined.id()).join()).filteredOn(e -> e.type().startsWith("notify."))
                    .extracting(JobEvent::detail)
                    .containsExactly("ready: the customer did not agree to e-mail updates");
            assertThat(mail.getReceivedMessages()).hasSize(1);
            try (var queued = Files.list(config.dataDir().resolve("outbox"))) {
                assertThat(queued.filter(p -> p.toString().endsWith(".eml"))).isEmpty();
            }
            // closing the job again does not tell anyone a second time
            assertThat(types(jobs, agreed.id())).filteredOn(t -> t.startsWith("notify.")).hasSize(1);
        }
    }
}
