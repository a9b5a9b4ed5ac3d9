package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.Job;
import org.resetdesk.job.SupportPacket;

class SmtpHandOffTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP), MailFixtures.loopback(ServerSetup.PROTOCOL_SMTPS)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MailFixtures.USER, MailFixtures.LOGIN,
                    MailFixtures.SECRET));

    @TempDir
    Path dir;

    private final RecordingEvents events = new RecordingEvents();
    private final Clock clock = Clock.systemUTC();
    private OutboxSender sender;

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
    }

    private SupportPacket packet(SupportSettings s, String id) {
        Job job = TestJobs.exported(id);
        return new SupportPacketBuilder(ZoneId.of("UTC")).build(job,
                "<EncryptString>b64==</EncryptString>".getBytes(StandardCharsets.US_ASCII), TestJobs.form(s, job),
                new SupportPacketBuilder.Photo("label.png", QrCodes.png("label", 100).orElseThrow()));
    }

    private HandOff.Receipt send(SupportSettings s, SupportPacket p) {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        sender = new OutboxSender(outbox, new SmtpMailer(s.smtp()), events, clock, Duration.ofMillis(50),
                Duration.ofMillis(400));
        sender.start();
        return new SmtpHandOff(s.smtp().from(), s.supportEmail(), outbox, sender::wake, events, clock).send(p);
    }

    static Map<String, byte[]> attachments(MimeMessage m) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            var part = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(b);
                out.put(part.getFileName(), b.toByteArray());
            }
        }
        return out;
    }

    @Test
    void packetArrivesOverAuthenticatedSmtpWithEveryFileAttached() throws Exception {
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "plain",
                MailFixtures.passwordFile(dir, "rw-------"));
        SupportPacket p = packet(s, "RD-000501");
        HandOff.Receipt r = send(s, p);
        assertThat(r.status()).isEqualTo(HandOff.Status.QUEUED);

        await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(m.getMessageID()).isEqualTo(r.messageId());
        assertThat(m.getSubject()).contains("RD-000501");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(MailFixtures.SUPPORT);
        Map<String, byte[]> files = attachments(m);
        assertThat(files.keySet()).containsExactlyElementsOf(p.parts().stream().map(SupportPacket.Part::fileName)
                .toList());
        for (SupportPacket.Part part : p.parts()) {
            assertThat(files.get(part.fileName())).as(part.fileName()).isEqualTo(part.bytes());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.ofType(SupportEvents.HANDOFF_DELIVERED).isEmpty());
        assertThat(events.events).extracting(e -> e.type()).containsSubsequence(SupportEvents.HANDOFF_QUEUED,
                SupportEvents.HANDOFF_ATTEMPT, SupportEvents.HANDOFF_DELIVERED);
        assertThat(events.events).allSatisfy(e -> {
            assertThat(e.jobId()).isEqualTo("RD-000501");
            assertThat(e.detail()).contains(r.messageId()).doesNotContain(MailFixtures.SECRET);
        });
        assertThat(new Outbox(dir.resolve("outbox")).pending()).isEmpty();
    }

    @Test
    void implicitTlsDelivers() throws Exception {
        SupportSettings s = MailFixtures.settings(mail.getSmtps().getPort(), "tls",
                MailFixtures.passwordFile(dir, "r--------"));
        HandOff.Receipt r = send(s, packet(s, "RD-000502"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
        assertThat(mail.getReceivedMessages()[0].getMessageID()).isEqualTo(r.messageId());
    }

    @Test
    void requiredStarttlsNeverFallsBackToPlainText() {
        // GreenMail's SMTP offers no STARTTLS: the kiosk must refuse to log in or send in clear
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "starttls",
                MailFixtures.passwordFile(dir, "rw-------"));
        HandOff.Receipt r = send(s, packet(s, "RD-000503"));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.ofType(SupportEvents.HANDOFF_FAILED).size() >= 2);
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(events.ofType(SupportEvents.HANDOFF_FAILED).get(0).detail()).contains(r.messageId())
                .containsIgnoringCase("STARTTLS").contains("stays in the outbox");
        assertThat(new Outbox(dir.resolve("outbox")).pending()).hasSize(1);
    }

    @Test
    void aWrongPasswordIsAFailedAttemptNotALostMail() throws Exception {
        Path pw = MailFixtures.passwordFile(dir, "rw-------");
        java.nio.file.Files.writeString(pw, "not-the-password\n");
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "plain", pw);
        send(s, packet(s, "RD-000505"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.ofType(SupportEvents.HANDOFF_FAILED).isEmpty());
        assertThat(events.ofType(SupportEvents.HANDOFF_FAILED).get(0).detail())
                .containsIgnoringCase("authentication").doesNotContain("not-the-password");
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(new Outbox(dir.resolve("outbox")).pending()).hasSize(1);
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedAndTheMailWaits() {
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "plain",
                MailFixtures.passwordFile(dir, "rw-r-----"));
        send(s, packet(s, "RD-000504"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.ofType(SupportEvents.HANDOFF_FAILED).isEmpty());
        assertThat(events.ofType(SupportEvents.HANDOFF_FAILED).get(0).detail()).contains("chmod 600");
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(new Outbox(dir.resolve("outbox")).pending()).hasSize(1);
    }
}
