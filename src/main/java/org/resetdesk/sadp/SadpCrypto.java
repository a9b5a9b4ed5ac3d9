package org.resetdesk.sadp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password transport of SADP 3.0 (sadp-protocol.md §6): an RSA-1024 exchange that gives a shared "random", and
 * AES-128-ECB with zero padding keyed by the random's first 16 characters. JDK crypto only.
 */
public final class SadpCrypto {
    private SadpCrypto() {}

    public static KeyPair newExchangeKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of the PKCS#1 {@code RSAPublicKey} DER: SEQUENCE { INTEGER modulus, INTEGER exponent }. */
    public static String encodePublicKey(PublicKey key) {
        RSAPublicKey rsa = (RSAPublicKey) key;
        byte[] body = concat(derInteger(rsa.getModulus()), derInteger(rsa.getPublicExponent()));
        return Base64.getEncoder().encodeToString(concat(new byte[] {0x30}, derLength(body.length), body));
    }

    /** Reads what {@link #encodePublicKey} writes (the device side of the exchange). */
    public static PublicKey decodePublicKey(String base64) throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(base64.trim());
        int[] pos = {0};
        expect(der, pos, 0x30);
        readLength(der, pos);
        BigInteger n = readInteger(der, pos);
        BigInteger e = readInteger(der, pos);
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    public static String rsaEncrypt(PublicKey key, String random) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getEncoder().encodeToString(c.doFinal(random.getBytes(StandardCharsets.US_ASCII)));
    }

    public static String rsaDecrypt(PrivateKey key, String base64) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        c.init(Cipher.DECRYPT_MODE, key);
        return new String(c.doFinal(Base64.getDecoder().decode(base64.trim())), StandardCharsets.US_ASCII);
    }

    /**
     * {@code base64(AES-128-ECB(key = random[0:16], random[0:16] + secret, zero-padded))}. The plaintext buffer is
     * wiped before returning.
     */
    public static String encryptWithRandom(String random, char[] secret) {
        byte[] key = random.substring(0, 16).getBytes(StandardCharsets.US_ASCII);
        byte[] secretBytes = ascii(secret);
        int len = 16 + secretBytes.length;
        byte[] plain = new byte[(len + 15) / 16 * 16];
        System.arraycopy(key, 0, plain, 0, 16);
        System.arraycopy(secretBytes, 0, plain, 16, secretBytes.length);
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return Base64.getEncoder().encodeToString(c.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(secretBytes, (byte) 0);
        }
    }

    /** The device side of {@link #encryptWithRandom}: strips the random prefix and the zero padding. */
    public static char[] decryptWithRandom(String random, String base64) throws GeneralSecurityException {
        byte[] key = random.substring(0, 16).getBytes(StandardCharsets.US_ASCII);
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] plain = c.doFinal(Base64.getDecoder().decode(base64.trim()));
        try {
            if (plain.length < 16 || !Arrays.equals(Arrays.copyOf(plain, 16), key)) {
                throw new GeneralSecurityException("the random prefix does not match");
            }
            int end = plain.length;
            while (end > 16 && plain[end - 1] == 0) {
                end--;
            }
            char[] out = new char[end - 16];
            for (int i = 16; i < end; i++) {
                out[i - 16] = (char) (plain[i] & 0xff);
            }
            return out;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The salted proof of a known password, {@code <Password bSalt="true">} (sadp-protocol.md §6.3):
     * {@code k = MD5(hex(SHA-256(userName + salt + password)))}, then {@code base64(AES-128-ECB(k, k || 48 zero
     * bytes))}, 88 characters. Proves the current password without an exchange; cannot carry a new one. The
     * intermediate buffers are wiped.
     */
    public static String saltedPassword(String userName, String salt, char[] password) {
        byte[] pw = utf8(password);
        byte[] prefix = (userName + salt).getBytes(StandardCharsets.UTF_8);
        byte[] seed = new byte[prefix.length + pw.length];
        System.arraycopy(prefix, 0, seed, 0, prefix.length);
        System.arraycopy(pw, 0, seed, prefix.length, pw.length);
        byte[] h1 = null;
        byte[] k = null;
        byte[] plain = new byte[64];
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(seed);
            h1 = hexLower(sha).getBytes(StandardCharsets.US_ASCII);
            Arrays.fill(sha, (byte) 0);
            k = MessageDigest.getInstance("MD5").digest(h1);
            System.arraycopy(k, 0, plain, 0, 16);
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"));
            return Base64.getEncoder().encodeToString(c.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(pw, (byte) 0);
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(plain, (byte) 0);
            if (h1 != null) {
                Arrays.fill(h1, (byte) 0);
            }
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    private static byte[] utf8(char[] chars) {
        java.nio.ByteBuffer bb = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    private static String hexLower(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit(x >> 4 & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }

    private static byte[] ascii(char[] chars) {
        byte[] out = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) {
            out[i] = (byte) chars[i];
        }
        return out;
    }

    private static byte[] derInteger(BigInteger v) {
        byte[] b = v.toByteArray();
        return concat(new byte[] {0x02}, derLength(b.length), b);
    }

    private static byte[] derLength(int len) {
        if (len < 0x80) {
            return new byte[] {(byte) len};
        }
        if (len < 0x100) {
            return new byte[] {(byte) 0x81, (byte) len};
        }
        return new byte[] {(byte) 0x82, (byte) (len >> 8), (byte) len};
    }

    private static void expect(byte[] der, int[] pos, int tag) throws GeneralSecurityException {
        if (pos[0] >= der.length || (der[pos[0]++] & 0xff) != tag) {
            throw new GeneralSecurityException("not a PKCS#1 RSAPublicKey");
        }
    }

    private static int readLength(byte[] der, int[] pos) throws GeneralSecurityException {
        if (pos[0] >= der.length) {
            throw new GeneralSecurityException("truncated DER");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        if (n > 2 || pos[0] + n > der.length) {
            throw new GeneralSecurityException("bad DER length");
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = len << 8 | der[pos[0]++] & 0xff;
        }
        return len;
    }

    private static BigInteger readInteger(byte[] der, int[] pos) throws GeneralSecurityException {
        expect(der, pos, 0x02);
        int len = readLength(der, pos);
        if (pos[0] + len > der.length) {
            throw new GeneralSecurityException("truncated DER integer");
        }
        BigInteger v = new BigInteger(Arrays.copyOfRange(der, pos[0], pos[0] + len));
        pos[0] += len;
        return v;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
