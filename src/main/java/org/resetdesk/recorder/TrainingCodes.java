package org.resetdesk.recorder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The training "vendor support" scheme shared by virtual recorders and the training support desk, and by nothing
 * else. An exported request carries the marker {@code RDTRAIN1}, the kind of export, the recorder's MAC and 9-character
 * serial, a fresh 16-byte challenge, the export time and an HMAC-SHA256 tag under a training key baked into this
 * class. A real device's export carries no marker and no valid tag, so the desk cannot answer it. Replies (a file
 * or an 8-character key) are HMACs of the challenge, so they fit exactly one export. Pure and thread-safe.
 *
 * <p>Layout (64 bytes): marker(8) kind(1) mac(6) serial9(9) challenge(16) exportedAt epoch seconds(8) tag(16).
 * The encrypted string is base64 of it; the device code prepends {@code 03 00 00 00} + serial9 as real device codes
 * start (§5.1); the QR payload is base64 of the encrypted-string text.
 */
public final class TrainingCodes {
    static final byte[] MARKER = "RDTRAIN1".getBytes(StandardCharsets.US_ASCII);
    static final byte[] REPLY_MARKER = "RDTRPLY1".getBytes(StandardCharsets.US_ASCII);
    static final int BODY = 8 + 1 + 6 + 9 + 16 + 8;
    static final int LENGTH = BODY + 16;
    private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final byte[] TRAINING_KEY = sha256(
            "ResetDesk training support desk v1 / virtual recorders only / never for real devices");

    /** What was exported. */
    public enum Kind {
        ENCRYPT_STRING('E'), DEVICE_CODE('D'), QR_CODE('Q');

        final char tag;

        Kind(char tag) {
            this.tag = tag;
        }

        static Kind of(byte b) {
            for (Kind k : values()) {
                if (k.tag == b) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A decoded, signature-checked training request. */
    public record Request(Kind kind, String mac, String serial9, byte[] challenge, long exportedAtEpochSecond) {}

    private TrainingCodes() {}

    static byte[] body(Kind kind, String mac, String serial9, byte[] challenge, long exportedAt) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(MARKER).put((byte) kind.tag).put(macBytes(mac));
        b.put(Arrays.copyOf(serial9.getBytes(StandardCharsets.US_ASCII), 9)).put(challenge).putLong(exportedAt);
        b.put(Arrays.copyOf(hmac(Arrays.copyOf(b.array(), BODY)), 16));
        return b.array();
    }

    /** The text a virtual recorder returns for this export (EncryptString, device Code, or QRcodes). */
    static String exportText(Kind kind, String mac, String serial9, byte[] challenge, long exportedAt) {
        byte[] body = body(kind, mac, serial9, challenge, exportedAt);
        Base64.Encoder b64 = Base64.getEncoder();
        return switch (kind) {
            case ENCRYPT_STRING -> b64.encodeToString(body);
            case DEVICE_CODE -> {
                ByteBuffer b = ByteBuffer.allocate(4 + 9 + body.length);
                b.put(new byte[] {3, 0, 0, 0}).put(Arrays.copyOf(serial9.getBytes(StandardCharsets.US_ASCII), 9));
                yield b64.encodeToString(b.put(body).array());
            }
            case QR_CODE -> b64.encodeToString(b64.encode(body));
        };
    }

    /**
     * Reads an exported request as saved by a client (the string itself, the QR payload, or the raw QRcodes
     * value; surrounding whitespace ignored).
     *
     * @throws NotTraining when it carries no training marker or its tag does not verify
     */
    public static Request parseRequest(byte[] file) throws NotTraining {
        String text = new String(file, StandardCharsets.US_ASCII).trim();
        for (int depth = 0; depth < 3; depth++) {
            byte[] raw;
            try {
                raw = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                break;
            }
            int at = indexOf(raw, MARKER);
            if (at >= 0) {
                return verify(Arrays.copyOfRange(raw, at, raw.length));
            }
            text = new String(raw, StandardCharsets.ISO_8859_1).trim();
        }
        throw new NotTraining("this request carries no training marker: it did not come from a virtual recorder "
                + "(requests from real devices go to the vendor's support)");
    }

    private static Request verify(byte[] b) throws NotTraining {
        if (b.length != LENGTH) {
            throw new NotTraining("training request has a wrong length (" + b.length + " bytes)");
        }
        byte[] tag = Arrays.copyOf(hmac(Arrays.copyOf(b, BODY)), 16);
        if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(b, BODY, LENGTH))) {
            throw new NotTraining(
                    "training request signature does not verify (altered, or not from a virtual recorder)");
        }
        Kind kind = Kind.of(b[8]);
        if (kind == null) {
            throw new NotTraining("training request of an unknown kind");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        String mac = macText(Arrays.copyOfRange(b, 9, 15));
        String serial9 = new String(b, 15, 9, StandardCharsets.US_ASCII);
        byte[] challenge = Arrays.copyOfRange(b, 24, 40);
        return new Request(kind, mac, serial9, challenge, buf.getLong(40));
    }

    /** The reply file's bytes (a single line of base64, as opaque to clients as the vendor's files). */
    public static byte[] replyFile(Request r) {
        ByteBuffer b = ByteBuffer.allocate(8 + 6 + 24);
        b.put(REPLY_MARKER).put(macBytes(r.mac())).put(Arrays.copyOf(derive("file", r), 24));
        return (Base64.getEncoder().encodeToString(b.array()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The 8-character key support sends instead of a file (letters and digits, no look-alikes). */
    public static String key(Request r) {
        byte[] d = derive("key", r);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | (d[i] & 0xff);
        }
        StringBuilder out = new StringBuilder(8);
        for (int i = 7; i >= 0; i--) {
            out.append(KEY_ALPHABET.charAt((int) (bits >> (5 * i) & 31)));
        }
        return out.toString();
    }

    /** True when {@code code} (a reply file's content or a key, whitespace and case of keys ignored) fits r. */
    static boolean accepts(Request r, String code) {
        if (code == null) {
            return false;
        }
        String c = code.trim();
        String compact = c.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() == 8) {
            return MessageDigest.isEqual(compact.getBytes(StandardCharsets.US_ASCII),
                    key(r).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] expected = new String(replyFile(r), StandardCharsets.US_ASCII).trim()
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, c.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] derive(String purpose, Request r) {
        ByteBuffer b = ByteBuffer.allocate(purpose.length() + 1 + 6 + 16 + 8);
        b.put(purpose.getBytes(StandardCharsets.US_ASCII)).put((byte) r.kind().tag).put(macBytes(r.mac()));
        b.put(r.challenge()).putLong(r.exportedAtEpochSecond());
        return hmac(b.array());
    }

    private static byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TRAINING_KEY, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] macBytes(String mac) {
        String hex = mac.replaceAll("[-:]", "");
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static String macText(byte[] b) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? "" : "-").append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The request did not come from a virtual recorder. */
    public static final class NotTraining extends Exception {
        public NotTraining(String message) {
            super(message);
        }
    }
}
