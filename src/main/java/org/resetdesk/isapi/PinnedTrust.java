package org.resetdesk.isapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one recorder's self-signed certificate, for one job: on first contact (no pin yet) it accepts the
 * certificate and remembers its SHA-256; from then on only a certificate with that fingerprint is accepted. Never
 * installed as a default: each {@link IsapiTransport} has its own. Thread-safe.
 */
final class PinnedTrust implements X509TrustManager {
    private volatile String pin;
    private volatile String lastSeen;

    PinnedTrust(String pin) {
        this.pin = pin == null ? null : normalise(pin);
    }

    static String normalise(String fingerprint) {
        return fingerprint.replace(":", "").trim().toLowerCase(Locale.ROOT);
    }

    static String sha256(X509Certificate cert) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    String pin() {
        return pin;
    }

    String lastSeen() {
        return lastSeen;
    }

    /** After a successful first contact: from now on only this certificate. */
    void pinLastSeen() {
        if (pin == null && lastSeen != null) {
            pin = lastSeen;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the recorder presented no certificate");
        }
        String seen = sha256(chain[0]);
        lastSeen = seen;
        String expected = pin;
        if (expected != null && !expected.equals(seen)) {
            throw new CertificateChanged(expected, seen);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the kiosk does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** The recorder's certificate is not the one pinned for this job. */
    static final class CertificateChanged extends CertificateException {
        private static final long serialVersionUID = 1L;

        CertificateChanged(String expected, String seen) {
            super("the recorder's certificate changed: pinned sha256 " + expected + ", presented " + seen);
        }
    }
}
