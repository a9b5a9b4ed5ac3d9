package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.recorder.isapi.IsapiServer;

/** HTTPS with the recorder's self-signed certificate: pinned on first contact, a different one refused. */
class CertificatePinningTest {
    @TempDir
    Path dir;

    private static IsapiServer https(IsapiRig rig, SelfSignedCert cert) throws Exception {
        return IsapiServer.startHttps(new InetSocketAddress("127.0.0.1", 0), cert.serverContext, rig.state,
                IsapiServer.Options.defaults(), rig.clock);
    }

    private static IsapiClient client(IsapiRig rig, int httpPort, int httpsPort, String pin) {
        return client(rig, httpPort, httpsPort, pin, Duration.ofSeconds(5));
    }

    private static IsapiClient client(IsapiRig rig, int httpPort, int httpsPort, String pin, Duration timeout) {
        return new IsapiClient(new IsapiEndpoint("127.0.0.1", httpPort, httpsPort, timeout),
                Aftercare.gate(rig.openJob(), rig.clock), pin);
    }

    @Test
    void firstContactPinsTheCertificateAndLaterContactsRequireIt() throws Exception {
        var certs = SelfSignedCert.generate(dir, "recorder-a", "recorder-b");
        SelfSignedCert first = certs.get(0);
        SelfSignedCert other = certs.get(1);
        try (IsapiRig rig = new IsapiRig(); IsapiServer tls = https(rig, first)) {
            int httpsPort = tls.address().getPort();
            int httpPort = rig.server.address().getPort();
            String pin;
            try (IsapiClient c = client(rig, httpPort, httpsPort, null)) {
                assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
                assertThat(c.transport().scheme()).isEqualTo("https");
                assertThat(c.transport().pinnedNow()).isTrue();
                pin = c.transport().certificateSha256();
                assertThat(pin).isEqualTo(first.sha256);
            }
            assertThat(tls.received("GET", "/ISAPI/Security/userCheck")).isEqualTo(2);
            assertThat(rig.server.received("GET", "/")).as("nothing over plain HTTP").isZero();
            try (IsapiClient c = client(rig, httpPort, httpsPort, pin)) {
                assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
                assertThat(c.transport().pinnedNow()).isFalse();
            }
            // the same address now presents another certificate: refused before any HTTP request
            try (IsapiServer impostor = https(rig, other);
                 IsapiClient c = client(rig, httpPort, impostor.address().getPort(), pin)) {
                var r = c.verify("admin", IsapiRig.PASSWORD.toCharArray());
                assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE_CHANGED);
                assertThat(r.outcome().detail()).contains(first.sha256).contains(other.sha256);
                assertThat(c.deviceInfo().kind()).isEqualTo(Kind.CERTIFICATE_CHANGED);
                assertThat(impostor.received("GET", "/")).isZero();
            }
        }
    }

    @Test
    void aPinnedRecorderThatStopsOfferingHttpsIsRefused() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            int httpPort = rig.server.address().getPort();
            // the "HTTPS" port answers plain HTTP: no TLS there any more (the probe gives up after the timeout)
            try (IsapiClient c = client(rig, httpPort, httpPort, "ab".repeat(32), Duration.ofMillis(800))) {
                var r = c.verify("admin", IsapiRig.PASSWORD.toCharArray());
                assertThat(r.kind()).isEqualTo(Kind.CERTIFICATE_CHANGED);
                assertThat(r.outcome().detail()).contains("no longer offers");
            }
            assertThat(rig.state.loginLock().failures()).isZero();
        }
    }

    @Test
    void withoutHttpsAndWithoutAPinPlainHttpDigestIsUsed() throws Exception {
        int noTls;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            noTls = probe.getLocalPort();
        }
        try (IsapiRig rig = new IsapiRig()) {
            try (IsapiClient c = client(rig, rig.server.address().getPort(), noTls, null)) {
                assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
                assertThat(c.transport().scheme()).isEqualTo("http");
                assertThat(c.transport().certificateSha256()).isNull();
            }
        }
    }
}
