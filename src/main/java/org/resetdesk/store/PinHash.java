package org.resetdesk.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff PINs as PBKDF2-HMAC-SHA256 hashes with a random 16-byte salt. The PIN exists only in the caller's char[]
 * and in the JDK's key spec, which is cleared after use. Thread-safe.
 */
final class PinHash {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int MIN_ITERATIONS = 100_000;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 130 ms on the build machine (see the store benchmarks). */
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Hashed(byte[] salt, int iterations, byte[] hash) {}

    private PinHash() {}

    static Hashed hash(char[] pin, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hashed(salt, iterations, derive(pin, salt, iterations));
    }

    static boolean matches(char[] pin, byte[] salt, int iterations, byte[] expected) {
        byte[] actual = derive(pin, salt, iterations);
        try {
            return MessageDigest.isEqual(actual, expected);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A PIN is 4 to 12 digits. */
    static boolean wellFormed(char[] pin) {
        if (pin == null || pin.length < 4 || pin.length > 12) {
            return false;
        }
        for (char ch : pin) {
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
