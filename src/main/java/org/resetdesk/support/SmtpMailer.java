package org.resetdesk.support;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;

/**
 * Sends one MIME message over SMTP (Angus Mail) exactly as it was spooled: implicit TLS ({@code smtp.tls}) or a
 * required STARTTLS upgrade ({@code smtp.starttls}), so the password never crosses the wire in clear when either
 * is configured. The password is read from its file for each connection and wiped afterwards.
 */
public final class SmtpMailer {
    private final SupportSettings.Smtp smtp;
    private final Session session;
    private final String protocol;

    public SmtpMailer(SupportSettings.Smtp smtp) {
        this.smtp = smtp;
        this.protocol = smtp.tls() ? "smtps" : "smtp";
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        p.put("mail.transport.protocol", protocol);
        p.put(k + "host", smtp.host());
        p.put(k + "port", Integer.toString(smtp.port()));
        p.put(k + "auth", Boolean.toString(smtp.authenticated()));
        p.put(k + "connectiontimeout", "10000");
        p.put(k + "timeout", "30000");
        p.put(k + "writetimeout", "30000");
        p.put(k + "from", smtp.from());
        // smtp.ssl-trust names the one host whose (self-signed) certificate is trusted as is, e.g. the shop's own
        // relay; every other server's certificate and host name are checked
        p.put(k + "ssl.checkserveridentity", Boolean.toString(smtp.sslTrust() == null));
        if (smtp.starttls() && !smtp.tls()) {
            p.put(k + "starttls.enable", "true");
            p.put(k + "starttls.required", "true");
        }
        if (smtp.sslTrust() != null) {
            p.put(k + "ssl.trust", smtp.sslTrust());
        }
        this.session = Session.getInstance(p);
    }

    public Session session() {
        return session;
    }

    public String from() {
        return smtp.from();
    }

    /** Sends and returns; throws on any failure (the outbox keeps the message then). */
    public void send(MimeMessage message) throws MessagingException {
        Address[] to = message.getAllRecipients();
        if (to == null || to.length == 0) {
            throw new MessagingException("the message has no recipient");
        }
        char[] pw = smtp.authenticated() ? SmtpCredentials.readPassword(smtp.passwordFile()) : null;
        try (Transport t = session.getTransport(protocol)) {
            if (pw != null) {
                t.connect(smtp.host(), smtp.port(), smtp.username(), new String(pw));
            } else {
                t.connect();
            }
            t.sendMessage(message, to);
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }
}
