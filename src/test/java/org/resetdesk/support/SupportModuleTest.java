package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/** The whole round trip: packet to support by mail, reply dropped on the stick, customer told — all real I/O. */
class SupportModuleTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    @Test
    void packetOutReplyInCustomerNotified() throws Exception {
        var props = MailFixtures.smtp(TestJobs.baseProperties(), mail.getSmtp().getPort(), "plain", null);
        props.setProperty("reply.folder", dir.resolve("usb").toString());
        SupportSettings settings = SupportSettings.fromProperties(props);
        Files.createDirectories(settings.replyFolder());
        Job job = TestJobs.exported("RD-000777");
        byte[] request = "<EncryptString>QUJDREVG</EncryptString>".getBytes(StandardCharsets.US_ASCII);
        DirArtifacts artifacts = new DirArtifacts(dir.resolve("artifacts"));
        Path stored = artifacts.store(job.id(), "request.xml", request).path();
        FakeJobs jobs = new FakeJobs().with(job.withAttempt(new org.resetdesk.job.Attempt(1, job.method(),
                job.attempt().exportedAt(), job.attempt().deadline(), ReplyIntake.sha256(request),
                job.attempt().baseline(), null, false)));
        jobs.save(jobs.find(job.id()).orElseThrow(),
                List.of(JobEvent.of(job.id(), job.updatedAt(), "export.written", "request.xml sha256=x bytes=1")));
        Path label = dir.resolve("photos/label.jpg");
        Files.createDirectories(label.getParent());
        Files.write(label, QrCodes.png("label", 80).orElseThrow());

        List<ReplyIntake.Accepted> replies = new CopyOnWriteArrayList<>();
        List<String> handed = new CopyOnWriteArrayList<>();
        try (SupportModule module = new SupportModule(settings, dir.resolve("data"), jobs, artifacts, jobs,
                Clock.systemUTC(), ZoneId.of("UTC"), replies::add).start()) {
            PacketSource source = new ArtifactPacketSource(jobs, artifacts,
                    (id, name) -> stored.getParent().resolve(name), ref -> dir.resolve(ref),
                    j -> Optional.of(new RequestForm.Purchase("Leeds CCTV Supplies", "installer")),
                    j -> Optional.of("2026-11-24"));
            var sent = module.sendCore(source, (id, r) -> handed.add(r.messageId())).send(job.id(), null, null, null,
                    null);
            assertThat(sent.receipt().status()).isEqualTo(HandOff.Status.QUEUED);
            await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
            MimeMessage toSupport = mail.getReceivedMessages()[0];
            var files = SmtpHandOffTest.attachments(toSupport);
            assertThat(files).hasSize(4);
            assertThat(files.values()).anySatisfy(v -> assertThat(v).isEqualTo(request));

            Path tmp = dir.resolve("Encrypt_681619114_o2.xml");
            Files.writeString(tmp, "<ResetCode>WFlaMTIz</ResetCode>");
            Files.move(tmp, settings.replyFolder().resolve(tmp.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(20)).until(() -> replies.size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 2);
            assertThat(mail.getReceivedMessages()[1].getAllRecipients()[0].toString()).isEqualTo("jo@example.test");
        }
        assertThat(handed).hasSize(1);
        assertThat(jobs.events("RD-000777")).extracting(JobEvent::type).contains(SupportEvents.HANDOFF_QUEUED,
                SupportEvents.HANDOFF_DELIVERED, SupportEvents.REPLY_RECEIVED, SupportEvents.NOTIFY_QUEUED);
    }

    @Test
    void aSwappedRequestFileIsNeverSent() throws Exception {
        SupportSettings settings = MailFixtures.settings(mail.getSmtp().getPort(), "plain", null);
        Job job = TestJobs.exported("RD-000778"); // its attempt's SHA-256 is not the file's
        DirArtifacts artifacts = new DirArtifacts(dir.resolve("artifacts"));
        Path stored = artifacts.store(job.id(), "request.xml", "<x/>".getBytes(StandardCharsets.US_ASCII)).path();
        FakeJobs jobs = new FakeJobs();
        jobs.save(job, List.of(JobEvent.of(job.id(), job.updatedAt(), "export.written", "request.xml sha256=x")));
        try (SupportModule module = new SupportModule(settings, dir.resolve("data"), jobs, artifacts, jobs,
                Clock.systemUTC(), ZoneId.of("UTC"), a -> { })) {
            PacketSource source = new ArtifactPacketSource(jobs, artifacts, (id, n) -> stored, ref -> dir.resolve(ref),
                    j -> Optional.of(new RequestForm.Purchase("a", "b")), j -> Optional.of("2026-11-24"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> module.sendCore(source, (i, r) -> { })
                    .send(job.id(), null, null, null, null)).hasMessageContaining("SHA-256 differs");
            assertThat(module.outbox().pending()).isEmpty();
        }
    }
}
