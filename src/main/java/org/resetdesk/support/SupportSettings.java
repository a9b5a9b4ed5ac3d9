package org.resetdesk.support;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The hand-off, mail, printing and request-form settings, read from the kiosk configuration keys of
 * CLI-CONTRACT.md ({@code shop.*, handoff.folder, smtp.*, support.email, manager.email, printer.name,
 * receipt.width}) plus the request-form keys {@code support.requester.*}. Empty strings count as "not set".
 */
public record SupportSettings(
        String shopName,
        String shopAddress,
        String shopCountry,
        Path handoffFolder,
        Smtp smtp,
        String supportEmail,
        String managerEmail,
        String printerName,
        PaperWidth receiptWidth,
        Requester requester,
        Imap imap,
        Path replyFolder) {

    /** SMTP server; {@code tls} is implicit TLS (port 465 style), {@code starttls} upgrades a plain connection. */
    public record Smtp(String host, int port, boolean starttls, boolean tls, String username, Path passwordFile,
                       String from, String sslTrust) {
        public boolean authenticated() {
            return username != null;
        }
    }

    /** The optional mailbox the reply poller reads ({@code imap.*}); {@code tls} is IMAPS, else STARTTLS if offered. */
    public record Imap(String host, int port, boolean tls, String username, Path passwordFile, String sslTrust) {}

    /** Who asks vendor support: the shop's contact person, as the vendor's request form wants it. */
    public record Requester(String name, String email, String phone, String role) {}

    /** A setting with a bad value; names the key. */
    public static final class BadSetting extends IllegalArgumentException {
        public BadSetting(String key, String why) {
            super("configuration key " + key + ": " + why);
        }
    }

    /**
     * Keys this area reads beyond the contract's list, with their defaults ("" = not set); {@code KioskConfig}
     * must accept them. {@code smtp.from} defaults to {@code support.requester.email}.
     */
    public static final Map<String, String> EXTRA_KEYS = extraKeys();

    private static Map<String, String> extraKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("smtp.tls", "false");
        m.put("smtp.from", "");
        m.put("smtp.ssl-trust", "");
        m.put("support.requester.name", "");
        m.put("support.requester.email", "");
        m.put("support.requester.phone", "");
        m.put("support.requester.role", "reseller");
        m.put("reply.folder", "");
        m.put("imap.host", "");
        m.put("imap.port", "");
        m.put("imap.tls", "true");
        m.put("imap.username", "");
        m.put("imap.password-file", "");
        m.put("imap.ssl-trust", "");
        return Collections.unmodifiableMap(m);
    }

    /** The same as {@link #fromProperties} over a key → value map (KioskConfig's merged values). */
    public static SupportSettings fromValues(Map<String, String> values) {
        Properties p = new Properties();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                p.setProperty(k, v);
            }
        });
        return fromProperties(p);
    }

    public Optional<Smtp> smtpIfConfigured() {
        return Optional.ofNullable(smtp);
    }

    public static SupportSettings fromProperties(Properties p) {
        String host = get(p, "smtp.host");
        Smtp smtp = null;
        if (host != null) {
            boolean tls = bool(p, "smtp.tls", false);
            int port = integer(p, "smtp.port", tls ? 465 : 587);
            String user = get(p, "smtp.username");
            String pwFile = get(p, "smtp.password-file");
            if (user != null && pwFile == null) {
                throw new BadSetting("smtp.password-file", "needed when smtp.username is set");
            }
            String from = Optional.ofNullable(get(p, "smtp.from")).orElse(get(p, "support.requester.email"));
            if (from == null) {
                throw new BadSetting("smtp.from", "needed (or support.requester.email) when smtp.host is set");
            }
            smtp = new Smtp(host, port, bool(p, "smtp.starttls", !tls), tls, user,
                    pwFile == null ? null : Path.of(pwFile), from, get(p, "smtp.ssl-trust"));
        }
        String folder = get(p, "handoff.folder");
        String width = Optional.ofNullable(get(p, "receipt.width")).orElse("80mm");
        PaperWidth paper = PaperWidth.parse(width).orElseThrow(() -> new BadSetting("receipt.width",
                "'" + width + "' is not 80mm or a4"));
        return new SupportSettings(get(p, "shop.name"), get(p, "shop.address"), get(p, "shop.country"),
                folder == null ? null : Path.of(folder), smtp, get(p, "support.email"), get(p, "manager.email"),
                get(p, "printer.name"), paper,
                new Requester(get(p, "support.requester.name"), get(p, "support.requester.email"),
                        get(p, "support.requester.phone"),
                        Optional.ofNullable(get(p, "support.requester.role")).orElse("reseller")),
                imap(p), Optional.ofNullable(get(p, "reply.folder")).map(Path::of).orElse(null));
    }

    private static Imap imap(Properties p) {
        String host = get(p, "imap.host");
        if (host == null) {
            return null;
        }
        boolean tls = bool(p, "imap.tls", true);
        String user = get(p, "imap.username");
        String pw = get(p, "imap.password-file");
        if (user == null || pw == null) {
            throw new BadSetting(user == null ? "imap.username" : "imap.password-file", "needed when imap.host is set");
        }
        return new Imap(host, integer(p, "imap.port", tls ? 993 : 143), tls, user, Path.of(pw),
                get(p, "imap.ssl-trust"));
    }

    private static String get(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static boolean bool(Properties p, String key, boolean dflt) {
        String v = get(p, key);
        if (v == null) {
            return dflt;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new BadSetting(key, "'" + v + "' is not true or false");
        };
    }

    private static int integer(Properties p, String key, int dflt) {
        String v = get(p, key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 65535) {
                throw new BadSetting(key, n + " is not a port number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadSetting(key, "'" + v + "' is not a number");
        }
    }
}
