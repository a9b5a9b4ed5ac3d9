package org.resetdesk.recorder;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A recorder must answer HTTP Digest logins, which needs the password (or its realm hash), not a slow one-way hash.
 * Like real firmware, the virtual recorder therefore also keeps the admin password in a reversible form: sealed with
 * AES-GCM under a key derived from its serial. Never plain text on disk; unsealed only into a {@code char[]} that
 * the caller wipes.
 */
final class PasswordSeal {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordSeal() {}

    static String seal(String serial, char[] password) {
        byte[] plain = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).array();
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(serial), new GCMParameterSpec(128, iv));
            int len = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
            byte[] sealed = c.doFinal(plain, 0, len);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The password, or null when nothing is sealed or the seal does not open (state from another serial). */
    static char[] unseal(String serial, String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        byte[] plain = null;
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(serial), new GCMParameterSpec(128, all, 0, 12));
            plain = c.doFinal(all, 12, all.length - 12);
            CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] out = new char[cb.remaining()];
            cb.get(out);
            Arrays.fill(cb.array(), '\0');
            return out;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static SecretKeySpec key(String serial) throws GeneralSecurityException {
        byte[] d = MessageDigest.getInstance("SHA-256")
                .digest(("resetdesk-virtual-recorder-seal:" + serial).getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(d, 0, 16, "AES");
    }
}
