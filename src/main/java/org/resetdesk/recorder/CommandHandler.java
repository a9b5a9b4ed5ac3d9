package org.resetdesk.recorder;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.resetdesk.sadp.SadpCrypto;
import org.resetdesk.sadp.SadpDocument;

/**
 * SADP request dispatch for one {@link VirtualRecorder}: inquiry, exchange, export, reset, activation; the other
 * recovery paths are in {@link RecoveryHandler}. Runs under the recorder's lock. Commands other than inquiries must
 * name the device's MAC (case and separators ignored) or they get no reply, like other devices' commands on a LAN.
 */
final class CommandHandler {
    private static final String RANDOM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final VirtualRecorder r;
    private final RecoveryHandler recovery;

    CommandHandler(VirtualRecorder r) {
        this.r = r;
        this.recovery = new RecoveryHandler(r, this);
    }

    Optional<byte[]> handle(SadpDocument q) {
        String types = q.types();
        String uuid = q.get("Uuid");
        if (types == null || uuid == null || markup(uuid) || markup(types)) {
            // SadpCodec.deviceDocument writes a value that starts with '<' as raw XML; echoed request text must
            // never reach it unescaped, so requests carrying markup in Uuid/Types are dropped (real ones never do).
            return Optional.empty();
        }
        if (types.equals("inquiry") || types.equals("inquiry_v32")) {
            return Optional.of(DeviceDescription.probeMatch(r, q.get("Uuid"), types));
        }
        if (!forMe(q.get("MAC"))) {
            return Optional.empty();
        }
        if (r.profile.legacy()) {
            // V5.2.5 firmware knows only the inquiry and the security-code reset; anything else goes unanswered.
            return types.equals("reset") ? legacyReset(q) : Optional.empty();
        }
        return switch (types) {
            case "exchangecode" -> exchange(q);
            case "activate" -> activate(q);
            case "getencryptstring" -> export(q, TrainingCodes.Kind.ENCRYPT_STRING, r.profile.encryptedString());
            case "getcode" -> export(q, TrainingCodes.Kind.DEVICE_CODE, r.profile.deviceCode());
            case "GetQRcodes" -> export(q, TrainingCodes.Kind.QR_CODE, r.profile.encryptedString());
            case "reset" -> reset(q, false);
            case "MailReset" -> reset(q, true);
            default -> recovery.handle(q);
        };
    }

    private static boolean markup(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0;
    }

    private boolean forMe(String mac) {
        return mac != null && normalise(mac).equals(normalise(r.state.mac));
    }

    private static String normalise(String mac) {
        return mac.trim().replaceAll("[-:.]", "").toLowerCase(Locale.ROOT);
    }

    Reply reply(SadpDocument q, String result) {
        return Reply.of(q, r.state.mac, result);
    }

    private Optional<byte[]> exchange(SadpDocument q) {
        try {
            PublicKey key = SadpCrypto.decodePublicKey(q.get("Code") == null ? "" : q.get("Code"));
            StringBuilder random = new StringBuilder(32);
            for (int i = 0; i < 32; i++) {
                random.append(RANDOM_CHARS.charAt(r.random.nextInt(RANDOM_CHARS.length())));
            }
            String code = SadpCrypto.rsaEncrypt(key, random.toString());
            r.ram.addRandom(random.toString());
            return reply(q, "success").with("Code", code).send();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return reply(q, "failed").send();
        }
    }

    private Optional<byte[]> export(SadpDocument q, TrainingCodes.Kind kind, boolean supported) {
        if (!supported) {
            return reply(q, "failed").send();
        }
        if (!r.state.activated) {
            return reply(q, "notActivated").send();
        }
        byte[] challenge = new byte[16];
        r.random.nextBytes(challenge);
        Instant at = r.now();
        String text = TrainingCodes.exportText(kind, r.state.mac, serial9(), challenge, at.getEpochSecond());
        r.ram.challenge = new Ram.Challenge(kind, challenge, at, text);
        return switch (kind) {
            case ENCRYPT_STRING -> reply(q, "success").with("EncryptString", text).send();
            case DEVICE_CODE -> reply(q, "success").with("Code", text).send();
            case QR_CODE -> {
                Reply rep = reply(q, "success").with("QRcodes", text);
                if (r.state.reservedEmail != null) {
                    rep.with("MailBox", mask(r.state.reservedEmail));
                }
                yield rep.with("MailServiceBox", "pw_recovery@hikvision.com").send();
            }
        };
    }

    /** The 9-character serial support names files after; the last nine of the serial before a feature suffix. */
    String serial9() {
        String sn = r.state.serial;
        if (r.profile.dvrSerial() && sn.length() > 13) {
            sn = sn.substring(0, sn.length() - 4);
        }
        return sn.length() >= 9 ? sn.substring(sn.length() - 9) : String.format("%9s", sn).replace(' ', '0');
    }

    private static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? email : email.charAt(0) + "***" + email.substring(at);
    }

    private Optional<byte[]> reset(SadpDocument q, boolean mail) {
        if (!r.state.activated) {
            return reply(q, "notActivated").send();
        }
        if (mail && !r.profile.mail()) {
            return reply(q, "failed").send();
        }
        if (mail && r.state.reservedEmail == null) {
            return reply(q, "notSetMailBox").send();
        }
        Optional<byte[]> locked = lockedReply(q);
        if (locked.isPresent()) {
            return locked;
        }
        Ram.Challenge c = r.ram.challenge;
        if (c == null || mail && c.kind() != TrainingCodes.Kind.QR_CODE) {
            return reply(q, "emptyEncryptString").send();
        }
        if (r.now().isAfter(c.exportedAt().plus(Duration.ofHours(r.profile.validityHours())))) {
            return reply(q, "exportFileOverDue").send();
        }
        String code = code(q);
        if (!TrainingCodes.accepts(c.request(r.state.mac, serial9()), code)) {
            return wrong(q, "codeError");
        }
        return setNewPassword(q, () -> r.ram.challenge = null);
    }

    /** The {@code Code} element, decrypted with an exchange random when sent with {@code bEncrypt="true"}. */
    private String code(SadpDocument q) {
        String code = q.get("Code");
        if (code == null || !"true".equalsIgnoreCase(q.attributes("Code").get("bEncrypt"))) {
            return code;
        }
        char[] plain = decrypt(code);
        if (plain == null) {
            return null;
        }
        String out = new String(plain);
        PasswordHashes.wipe(plain);
        return out;
    }

    /** Decrypts with the newest matching exchange random; null when none fits (no exchange, or garbage). */
    char[] decrypt(String base64) {
        if (base64 == null) {
            return null;
        }
        for (String random : r.ram.randoms()) {
            try {
                return SadpCrypto.decryptWithRandom(random, base64);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next random
            }
        }
        return null;
    }

    /** Common tail of every reset: decrypt, risk-check and store the new password, optional camera sync. */
    Optional<byte[]> setNewPassword(SadpDocument q, Runnable onSuccess) {
        char[] pw = decrypt(q.get("Password"));
        if (pw == null) {
            return reply(q, "failed").send();
        }
        try {
            if (DevicePasswordRules.riskReason(pw, "admin", r.profile.strictPasswords()).isPresent()) {
                return reply(q, "riskPassword").send();
            }
            r.setPassword(pw);
        } finally {
            PasswordHashes.wipe(pw);
        }
        r.ram.succeed();
        onSuccess.run();
        if (r.profile.syncIpcPassword() && Boolean.TRUE.equals(q.bool("SyncIPCPassword"))) {
            r.state.ipcPasswordsSyncedAt = r.now();
        }
        r.persist();
        return reply(q, "success").send();
    }

    Optional<byte[]> lockedReply(SadpDocument q) {
        long minutes = r.ram.lockedMinutes(r.now());
        return minutes > 0 ? reply(q, "locked").with("SurplusLockTime", minutes).send() : Optional.empty();
    }

    /** A wrong code/answer/GUID/password: the result with the attempts left, or {@code locked} on the last one. */
    Optional<byte[]> wrong(SadpDocument q, String result) {
        int left = r.ram.fail(r.now());
        if (left == 0) {
            return reply(q, "locked").with("SurplusLockTime", Ram.LOCK_MINUTES).send();
        }
        return reply(q, result).with("RetryTimes", left).send();
    }

    private Optional<byte[]> legacyReset(SadpDocument q) {
        Optional<byte[]> locked = lockedReply(q);
        if (locked.isPresent()) {
            return locked;
        }
        String code = q.get("Code") == null ? "" : q.get("Code").trim();
        String serial = r.state.serial;
        String bare = serial.startsWith(r.profile.model()) ? serial.substring(r.profile.model().length()) : serial;
        var today = r.localNow().toLocalDate();
        // Which serial old firmware hashes is not settled (sadp-protocol.md §5.3): accept the full serial and the
        // serial without the model, for the device's own current date only.
        String day = today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        boolean right = code.equals(org.resetdesk.sadp.LegacySecurityCode.generate(serial, day))
                || code.equals(org.resetdesk.sadp.LegacySecurityCode.generate(bare, day));
        if (!right) {
            return wrong(q, "codeError");
        }
        r.ram.succeed();
        r.setPassword("12345".toCharArray());
        return reply(q, "success").send();
    }

    private Optional<byte[]> activate(SadpDocument q) {
        if (r.state.activated) {
            return reply(q, "hasActivated").send();
        }
        return setNewPassword(q, () -> r.state.activated = true);
    }
}
