package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The SADP 3.0 password transport against vectors computed outside Java, with OpenSSL 3 and coreutils on the
 * command line (commands quoted next to each constant), so the test does not check the code against itself.
 */
class SadpCryptoTest {
    /** {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out k.pem;
     *  openssl pkcs8 -topk8 -nocrypt -in k.pem -outform DER | base64 -w0} */
    static final String PRIVATE_PKCS8 = "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAO2eI4OisgJv/gxlHno19GmvGRmDUQPZ"
            + "YIZX1NIPYdez1XB48zo4bfLALONeCaBq8q5aw1B+SUHg20zJZy1SLTo573LpOI0DFpW1poeb6vUWy4mKPFiAvN+y0BlUDfUDuX/Un/Dv"
            + "sKiohyqGXzgksqjiPD/4mRTnGjSvTbVXEIZtAgMBAAECgYB4FGWAHVT19GCfJO689c05Jzp48Sqc1lp4KaSsLwfT+NZRC15nOqMdfM5y"
            + "bFBTGBjh0Y5IfDlLKHXKnTEd7xxZCixpQkb1kjbCB/i8ORxqmiWwPUndCsrhP9JT18mTBnF2PKVChaxL+QjyaWimIc4PzjZ9PR2sCuuX"
            + "TONy3p/NpQJBAPcnGe7EKiVTecp9Biwx1dd8u8c4RVz5EUZbmaLnFVIh3cfD5dMl/FOnNswUEQXFKP6/wvyOvL+DzJ6HCyjKFpMCQQD2"
            + "H6iwfsK4kHRVQQx8ui7pOkVLSDOpRdu2nAAK9cS5gvFs+3ad4GAHcm8nIJbB5DwS5eMO7L0FzcfHWoFCWA7/AkANQ2br3lEYsbMef7ke"
            + "FAqSxtnY5hcq1x7rNK05BceqIbEiMEwcGbTB1H5nU0hak+sQSMAxB4PvjyYi98JMjRPLAkEAu3GxD3n64oVhk+xOjk9dmtJ+I6+BaNGD"
            + "W7fDcJVslbxcEhwRYnuXpxRIAwyWxGQGPH5IRv2Vl+340KLk/poCEQJBANOWKINENYMtAnoIg9BTM+va/ygYl/gHL+0zeN5kTCRoCJ5u"
            + "aOWcxR/+5x7UGurfZbOiW4pA5lKzszXDSvfQ9RY=";
    /** {@code openssl rsa -in k.pem -RSAPublicKey_out -outform DER | base64 -w0} (PKCS#1 RSAPublicKey, 140 bytes) */
    static final String PUBLIC_PKCS1 = "MIGJAoGBAO2eI4OisgJv/gxlHno19GmvGRmDUQPZYIZX1NIPYdez1XB48zo4bfLALONeCaBq8q5a"
            + "w1B+SUHg20zJZy1SLTo573LpOI0DFpW1poeb6vUWy4mKPFiAvN+y0BlUDfUDuX/Un/DvsKiohyqGXzgksqjiPD/4mRTnGjSvTbVXEIZt"
            + "AgMBAAE=";
    /** {@code printf 'Ab3dEf7hIj0lMn5pQrSt' | openssl pkeyutl -encrypt -pubin -inkey pub.pem
     *  -pkeyopt rsa_padding_mode:pkcs1 | base64 -w0} (the device's side of the exchange) */
    static final String RANDOM_CIPHERTEXT = "yq/Xjuk5CWYOdIhzNA9WuyVtP/Zcvvb4dwLGjlHtBxMJNNM7Mt8mOJ/3+mO+1+Aa/0Jc3zln"
            + "jCdK60xchZrOMeSLj/usw48KvDFHhlu7Uhapceu5qIim2fiXLTJPT6syhIOIsSBSSvgB/BsIBlX7KIj5zoF53c/C6cHRes3Hmvw=";
    static final String RANDOM = "Ab3dEf7hIj0lMn5pQrSt";

    private static PrivateKey privateKey() throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(PRIVATE_PKCS8)));
    }

    private static PublicKey publicOf(PrivateKey k) throws GeneralSecurityException {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) k;
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(),
                crt.getPublicExponent()));
    }

    @Test
    void publicKeyIsPkcs1DerExactlyAsOpensslWritesIt() throws Exception {
        String encoded = SadpCrypto.encodePublicKey(publicOf(privateKey()));
        assertThat(encoded).isEqualTo(PUBLIC_PKCS1);
        byte[] der = Base64.getDecoder().decode(encoded);
        assertThat(der).hasSize(140);
        // 30 81 89 (SEQUENCE, 137) 02 81 81 00 (INTEGER, 129, sign byte) ... 02 03 01 00 01 (e = 65537)
        assertThat(java.util.Arrays.copyOf(der, 7)).containsExactly(0x30, 0x81, 0x89, 0x02, 0x81, 0x81, 0x00);
        assertThat(java.util.Arrays.copyOfRange(der, 135, 140)).containsExactly(0x02, 0x03, 0x01, 0x00, 0x01);
        assertThat(encoded).startsWith("MIGJAoGBA").endsWith("AgMBAAE="); // the shape of the HK-OLD example
    }

    @Test
    void freshKeyPairsHaveThe140ByteShapeToo() {
        for (int i = 0; i < 5; i++) {
            KeyPair kp = SadpCrypto.newExchangeKeyPair();
            byte[] der = Base64.getDecoder().decode(SadpCrypto.encodePublicKey(kp.getPublic()));
            assertThat(der).hasSize(140);
            assertThat(((RSAPublicKey) kp.getPublic()).getModulus().bitLength()).isEqualTo(1024);
        }
    }

    @Test
    void decodesTheOpensslPublicKey() throws Exception {
        RSAPublicKey k = (RSAPublicKey) SadpCrypto.decodePublicKey(PUBLIC_PKCS1);
        assertThat(k.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(k.getModulus()).isEqualTo(((RSAPrivateCrtKey) privateKey()).getModulus());
    }

    @Test
    void garbledPublicKeyIsATypedError() {
        assertThatThrownBy(() -> SadpCrypto.decodePublicKey("MIGJAoGB")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> SadpCrypto.decodePublicKey("AAAA")).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void decryptsTheRandomOpensslEncrypted() throws Exception {
        assertThat(SadpCrypto.rsaDecrypt(privateKey(), RANDOM_CIPHERTEXT)).isEqualTo(RANDOM);
    }

    @Test
    void passwordUnderTheRandomMatchesOpenssl() throws Exception {
        // K=$(printf 'Ab3dEf7hIj0lMn5p' | xxd -p)
        // { printf 'Ab3dEf7hIj0lMn5pPassw0rd!x'; head -c 6 /dev/zero; } | openssl enc -aes-128-ecb -K $K -nopad | base64
        String enc = SadpCrypto.encryptWithRandom(RANDOM, "Passw0rd!x".toCharArray());
        assertThat(enc).isEqualTo("AHpvx2f1Phl4BoCWT8qcH8yHaijzIO9eUM//sCsf0ek=");
        assertThat(SadpCrypto.decryptWithRandom(RANDOM, enc)).containsExactly("Passw0rd!x".toCharArray());
    }

    @Test
    void sixteenCharacterPasswordGetsNoPaddingBlock() throws Exception {
        // printf 'Ab3dEf7hIj0lMn5p0123456789abcdef' | openssl enc -aes-128-ecb -K $K -nopad | base64
        String enc = SadpCrypto.encryptWithRandom(RANDOM, "0123456789abcdef".toCharArray());
        assertThat(enc).isEqualTo("AHpvx2f1Phl4BoCWT8qcHyoxgSuaeZpl7CSfiBwK4cw=");
        assertThat(Base64.getDecoder().decode(enc)).hasSize(32);
    }

    @Test
    void wrongRandomIsRefusedOnTheDeviceSide() {
        String enc = SadpCrypto.encryptWithRandom(RANDOM, "Passw0rd!x".toCharArray());
        assertThatThrownBy(() -> SadpCrypto.decryptWithRandom("ZZZZZZZZZZZZZZZZ", enc))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void saltedPasswordMatchesShaMd5AesPipeline() {
        // SALT=<vector 2 Salt>; H1=$(printf 'admin%sPassw0rd!x' $SALT | sha256sum | cut -d' ' -f1)
        // KS=$(printf '%s' $H1 | md5sum | cut -d' ' -f1)
        // { printf '%s' $KS | xxd -r -p; head -c 48 /dev/zero; } | openssl enc -aes-128-ecb -K $KS -nopad | base64 -w0
        String salt = "d8eebc414effc857bed4c3cc203c8b4413f60b00a9f4acc410084358d5fd3f91";
        String s = SadpCrypto.saltedPassword("admin", salt, "Passw0rd!x".toCharArray());
        assertThat(s).isEqualTo("UucAZSFkc9HYdYJxsni+o3YR+v0j4MVzete5wdNOi1p2Efr9I+DFc3rXucHTTotadhH6/SPgxXN617nB0"
                + "06LWg==");
        assertThat(s).hasSize(88);
    }
}
