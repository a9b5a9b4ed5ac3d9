package org.resetdesk.support;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.resetdesk.job.SupportPacket;

/**
 * Builds the mails the kiosk sends (support packets, notifications, summaries) as MIME messages whose Message-ID
 * is fixed when composed, so the id in the job's events is the id the server sees, however often it is retried.
 */
public final class MailComposer {
    /** The header that carries the job id through the outbox. */
    public static final String JOB_HEADER = "X-ResetDesk-Job";
    private static final Session OFFLINE = Session.getInstance(new Properties());

    private MailComposer() {}

    /** A file attached to a mail. */
    public record Attachment(String fileName, String mediaType, byte[] bytes) {}

    /** A MIME message that keeps the Message-ID it was created with. */
    static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        FixedIdMessage(Session session, InputStream in) throws MessagingException {
            super(session, in);
            this.messageId = getMessageID();
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** A new message id: {@code <uuid@resetdesk>}. */
    public static String newMessageId() {
        return "<" + UUID.randomUUID() + "@resetdesk>";
    }

    public static MimeMessage packet(SupportPacket packet, String from, String to, Instant now) {
        List<Attachment> files = packet.parts().stream()
                .map(p -> new Attachment(p.fileName(), p.mediaType(), p.bytes())).toList();
        return compose(packet.jobId(), from, to, packet.subject(), packet.body(), files, now);
    }

    /**
     * @param jobId the job the mail belongs to, or null (daily summary)
     * @throws IllegalArgumentException when an address is not a valid e-mail address
     */
    public static MimeMessage compose(String jobId, String from, String to, String subject, String text,
                                      List<Attachment> files, Instant now) {
        try {
            FixedIdMessage m = new FixedIdMessage(OFFLINE, newMessageId());
            m.setFrom(address(from));
            m.setRecipient(MimeMessage.RecipientType.TO, address(to));
            m.setSubject(subject, StandardCharsets.UTF_8.name());
            m.setSentDate(Date.from(now));
            if (jobId != null) {
                m.setHeader(JOB_HEADER, jobId);
            }
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, StandardCharsets.UTF_8.name());
            mp.addBodyPart(body);
            for (Attachment a : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.bytes(), a.mediaType())));
                part.setFileName(a.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mp.addBodyPart(part);
            }
            m.setContent(mp);
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException("could not compose the mail: " + e.getMessage(), e);
        }
    }

    /** Parses one strict address (no lists, no display-name tricks with newlines). */
    public static InternetAddress address(String text) {
        try {
            if (text == null || text.isBlank() || text.contains("\n") || text.contains("\r")) {
                throw new AddressException("empty or multi-line");
            }
            InternetAddress a = new InternetAddress(text.trim(), true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + text);
        }
    }

    public static boolean isAddress(String text) {
        try {
            address(text);
            return text.contains("@");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads a message written by {@link MimeMessage#writeTo}, keeping its Message-ID. */
    static MimeMessage read(Session session, InputStream in) throws MessagingException {
        return new FixedIdMessage(session, in);
    }
}
