package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Support's reply arrives by e-mail: SMTP into GreenMail, then the poller reads it over IMAP. */
class ImapReplyPollerTest {
    private static final String CAMERA = "DS-2CD2622FWD-IZS20180312BBWR681619114";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP), MailFixtures.loopback(ServerSetup.PROTOCOL_IMAP),
            MailFixtures.loopback(ServerSetup.PROTOCOL_IMAPS)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MailFixtures.USER, MailFixtures.LOGIN,
                    MailFixtures.SECRET));

    @TempDir
    Path dir;

    private void supportReplies(String subject, String fileName, byte[] bytes) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(MailFixtures.SUPPORT));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(MailFixtures.USER));
        m.setSubject(subject);
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please find the reset file attached.");
        mp.addBodyPart(text);
        if (fileName != null) {
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(bytes, "application/octet-stream");
            file.setFileName(fileName);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mp.addBodyPart(file);
        }
        m.setContent(mp);
        Transport.send(m);
    }

    @Test
    void theMailboxCanBeReadOverImaps() throws Exception {
        FakeJobs jobs = new FakeJobs().with(TestJobs.exported("RD-000801", CAMERA,
                TestJobs.intake("anna", "A", "a@x.test", false, CAMERA), Instant.parse("2026-11-24T10:00:00Z")));
        ReplyIntake intake = new ReplyIntake(jobs, new DirArtifacts(dir.resolve("a")), jobs, Clock.systemUTC(),
                new ReplyCheck(ReplyCheck.DEFAULT_MAX_BYTES), a -> { });
        supportReplies("Your request", "Encrypt_681619114_o2.xml", "Zx8kP2mQ".getBytes(StandardCharsets.US_ASCII));
        Properties props = TestJobs.baseProperties();
        props.setProperty("imap.host", "127.0.0.1");
        props.setProperty("imap.port", Integer.toString(mail.getImaps().getPort()));
        props.setProperty("imap.ssl-trust", "127.0.0.1");
        props.setProperty("imap.username", MailFixtures.LOGIN);
        props.setProperty("imap.password-file", MailFixtures.passwordFile(dir, "r--------").toString());
        try (ImapReplyPoller poller = new ImapReplyPoller(SupportSettings.fromProperties(props).imap(), intake,
                r -> { })) {
            assertThat(poller.pollOnce()).singleElement().isInstanceOfSatisfying(ReplyIntake.Accepted.class,
                    a -> assertThat(a.how()).isEqualTo("short serial"));
        }
    }

    @Test
    void aRepliedMailIsMatchedByTheJobNumberInItsSubjectAndMarkedRead() throws Exception {
        FakeJobs jobs = new FakeJobs().with(TestJobs.exported("RD-000800", CAMERA,
                TestJobs.intake("anna", "A", "a@x.test", false, CAMERA), Instant.parse("2026-11-24T10:00:00Z")));
        List<ReplyIntake.Accepted> accepted = new CopyOnWriteArrayList<>();
        ReplyIntake intake = new ReplyIntake(jobs, new DirArtifacts(dir.resolve("a")), jobs, Clock.systemUTC(),
                new ReplyCheck(ReplyCheck.DEFAULT_MAX_BYTES), accepted::add);
        byte[] reply = "<ResetCode>QUJDREVGR0hJSg==</ResetCode>".getBytes(StandardCharsets.UTF_8);
        supportReplies("RE: Password reset request [RD-000800]", "reset.xml", reply);
        supportReplies("Out of office", null, null);

        Properties props = TestJobs.baseProperties();
        props.setProperty("imap.host", "127.0.0.1");
        props.setProperty("imap.port", Integer.toString(mail.getImap().getPort()));
        props.setProperty("imap.tls", "false");
        props.setProperty("imap.username", MailFixtures.LOGIN);
        props.setProperty("imap.password-file", MailFixtures.passwordFile(dir, "rw-------").toString());
        var imap = SupportSettings.fromProperties(props).imap();

        try (ImapReplyPoller poller = new ImapReplyPoller(imap, intake, r -> { })) {
            List<ReplyIntake.Result> results = poller.pollOnce();
            assertThat(results).singleElement().isInstanceOf(ReplyIntake.Accepted.class);
            assertThat(accepted.get(0).how()).isEqualTo("job number");
            assertThat(accepted.get(0).stored().sha256()).isEqualTo(ReplyIntake.sha256(reply));
            assertThat(jobs.events("RD-000800")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("mailbox", "reset.xml"));
            // a second poll finds nothing new: the reply was marked read; the other mail stays unread for staff
            assertThat(poller.pollOnce()).isEmpty();
        }
        var store = mail.getImap().createStore();
        store.connect(MailFixtures.LOGIN, MailFixtures.SECRET);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessages()).hasSize(2);
        assertThat(inbox.getMessages()).filteredOn(m -> {
            try {
                return m.isSet(Flags.Flag.SEEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).singleElement().satisfies(m -> assertThat(m.getSubject()).contains("RD-000800"));
        store.close();
    }
}
