package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/** Customer notifications (only with consent) and the manager's daily summary, delivered through the outbox. */
class NotificationsTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    private final RecordingEvents events = new RecordingEvents();
    private final Clock clock = Clock.systemUTC();
    private SupportSettings settings;
    private Outbox outbox;
    private OutboxSender sender;

    @BeforeEach
    void setUp() {
        settings = MailFixtures.settings(mail.getSmtp().getPort(), "plain", null);
        outbox = new Outbox(dir.resolve("outbox"));
        sender = new OutboxSender(outbox, new SmtpMailer(settings.smtp()), events, clock, Duration.ofMillis(50),
                Duration.ofMillis(400));
        sender.start();
    }

    @AfterEach
    void stop() {
        sender.close();
    }

    private Job job(String id, boolean consent, String contact) {
        return TestJobs.exported(id, TestJobs.SERIAL, TestJobs.intake("anna", "Jo", contact, consent, TestJobs.SERIAL),
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void withConsentTheCustomerHearsWhenTheReplyArrivesAndWhenTheRecorderIsReady() throws Exception {
        var notifier = new CustomerNotifier(settings, outbox, sender::wake, events, clock,
                ZoneId.of("Europe/London"));
        String first = notifier.replyArrived(job("RD-000901", true, "jo@example.test")).orElseThrow();
        String second = notifier.recorderReady(job("RD-000901", true, "jo@example.test")).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 2);
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).extracting(MimeMessage::getMessageID).containsExactlyInAnyOrder(first, second);
        assertThat(got).allSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("jo@example.test"));
        assertThat(events.ofType(SupportEvents.NOTIFY_QUEUED)).hasSize(2);
        MimeMessage reply = java.util.Arrays.stream(got).filter(m -> {
            try {
                return m.getMessageID().equals(first);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        // the deadline in the shop's time; no ID or ownership details in a mail
        String text = ((jakarta.mail.Multipart) reply.getContent()).getBodyPart(0).getContent().toString();
        assertThat(text).contains("Thursday 26 November, 10:00", "RD-000901")
                .doesNotContain("INV-2291", "1234", "passport");
    }

    @Test
    void withoutConsentOrWithoutAnAddressNothingIsSent() {
        var notifier = new CustomerNotifier(settings, outbox, sender::wake, events, clock,
                ZoneId.of("Europe/London"));
        assertThat(notifier.replyArrived(job("RD-000902", false, "jo@example.test"))).isEmpty();
        assertThat(notifier.recorderReady(job("RD-000903", true, "0113 496 0000"))).isEmpty();
        assertThat(outbox.pending()).isEmpty();
        assertThat(events.ofType(SupportEvents.NOTIFY_SKIPPED)).extracting(JobEvent::detail)
                .containsExactly("reply: the customer did not agree to e-mail updates",
                        "ready: the customer's contact is not an e-mail address");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theManagerGetsTheDailySummaryWithItsCsv() throws Exception {
        var summary = new DailySummaryMailer(settings, outbox, sender::wake, clock, ZoneId.of("UTC"));
        Job done = TestJobs.passwordSet(TestJobs.exported("RD-000904"));
        List<JobEvent> evs = List.of(
                JobEvent.of("RD-000904", Instant.parse("2026-11-24T09:35:00Z"), "state.REQUEST_EXPORTED", ""),
                JobEvent.of("RD-000904", Instant.parse("2026-11-24T11:05:00Z"), SupportEvents.REPLY_RECEIVED, "r"));
        FakeJobs store = new FakeJobs();
        store.save(done, evs);
        String id = summary.send(LocalDate.parse("2026-11-24"), store, 1000).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(m.getMessageID()).isEqualTo(id);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("manager@counterfixers.test");
        var files = SmtpHandOffTest.attachments(m);
        String csv = new String(files.get("resetdesk-2026-11-24.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("jobs_per_staff,anna,1", "success_rate,,1.000", "turnaround_median_minutes,,90.0");
    }

    @Test
    void noManagerAddressNoSummary() {
        var props = MailFixtures.smtp(TestJobs.baseProperties(), mail.getSmtp().getPort(), "plain", null);
        props.remove("manager.email");
        var summary = new DailySummaryMailer(SupportSettings.fromProperties(props), outbox, sender::wake, clock,
                ZoneId.of("UTC"));
        assertThat(summary.send(LocalDate.parse("2026-11-24"), List.of(), List.of())).isEmpty();
        assertThat(outbox.pending()).isEmpty();
    }
}
