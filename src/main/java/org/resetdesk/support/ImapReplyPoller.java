package org.resetdesk.support;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an IMAP mailbox for support's replies: every unread message's attachments are offered to
 * {@link ReplyIntake} with the message subject (which carries the job number). A message is marked read only
 * when an attachment was accepted or was already stored; anything else stays unread for staff to look at. One
 * daemon thread ("resetdesk-imap"); {@link #pollOnce()} may also be called directly.
 */
public final class ImapReplyPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapReplyPoller.class);

    private final SupportSettings.Imap imap;
    private final ReplyIntake intake;
    private final Consumer<ReplyIntake.Result> results;
    private final Session session;
    private final String protocol;
    private final ScheduledExecutorService thread;

    public ImapReplyPoller(SupportSettings.Imap imap, ReplyIntake intake, Consumer<ReplyIntake.Result> results) {
        this.imap = imap;
        this.intake = intake;
        this.results = results;
        this.protocol = imap.tls() ? "imaps" : "imap";
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        p.put(k + "host", imap.host());
        p.put(k + "port", Integer.toString(imap.port()));
        p.put(k + "connectiontimeout", "10000");
        p.put(k + "timeout", "30000");
        p.put(k + "ssl.checkserveridentity", Boolean.toString(imap.sslTrust() == null));
        if (!imap.tls()) {
            p.put(k + "starttls.enable", "true");
        }
        if (imap.sslTrust() != null) {
            p.put(k + "ssl.trust", imap.sslTrust());
        }
        this.session = Session.getInstance(p);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resetdesk-imap");
            t.setDaemon(true);
            return t;
        });
    }

    public void start(Duration period) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("mailbox poll failed: {}", e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the unread messages once; returns what became of each attachment. */
    public List<ReplyIntake.Result> pollOnce() throws MessagingException {
        List<ReplyIntake.Result> out = new ArrayList<>();
        char[] pw = SmtpCredentials.readPassword(imap.passwordFile());
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.username(), new String(pw));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message m : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    List<ReplyIntake.Result> rs = offerAttachments(m);
                    boolean handled = rs.stream().anyMatch(r -> r instanceof ReplyIntake.Accepted
                            || r instanceof ReplyIntake.Duplicate);
                    m.setFlag(Flags.Flag.SEEN, handled);
                    rs.forEach(results);
                    out.addAll(rs);
                }
            } finally {
                inbox.close(false);
            }
        } finally {
            Arrays.fill(pw, '\0');
        }
        return out;
    }

    private List<ReplyIntake.Result> offerAttachments(Message m) throws MessagingException {
        List<ReplyIntake.Result> out = new ArrayList<>();
        String subject = m.getSubject();
        try {
            collect(m, subject, out, 0);
        } catch (IOException e) {
            out.add(new ReplyIntake.Rejected("message '" + subject + "' could not be read: " + e.getMessage()));
        }
        return out;
    }

    private void collect(Part part, String subject, List<ReplyIntake.Result> out, int depth)
            throws MessagingException, IOException {
        if (depth > 5) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), subject, out, depth + 1);
            }
            return;
        }
        String name = part.getFileName();
        if (name == null || !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && depth == 0) {
            return; // the text of the mail itself; replies come as files
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(intake.maxBytes() + 1);
        }
        out.add(intake.offer(new ReplyIntake.Reply("mailbox " + imap.username() + "@" + imap.host(), name, subject,
                bytes)));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
