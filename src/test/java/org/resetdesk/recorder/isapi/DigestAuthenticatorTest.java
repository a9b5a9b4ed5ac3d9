package org.resetdesk.recorder.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.resetdesk.recorder.isapi.DigestAuthenticator.Verdict;

class DigestAuthenticatorTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    private static String nonceOf(String challenge) {
        return DigestAuthenticator.params(challenge.substring(7)).get("nonce");
    }

    private static String header(String user, String realm, String nonce, String uri, String response) {
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"" + response + "\"";
    }

    /** RFC 2617 §3.5 computation, done here independently of the server code path. */
    private static String expected(String user, String realm, String password, String nonce, String method,
                                   String uri) {
        String ha1 = DigestAuthenticator.md5Hex((user + ":" + realm + ":" + password).getBytes());
        String ha2 = DigestAuthenticator.md5Hex((method + ":" + uri).getBytes());
        return DigestAuthenticator.md5Hex((ha1 + ":" + nonce + ":00000001:0a4f113b:auth:" + ha2).getBytes());
    }

    @Test
    void rfc2617ExampleVector() {
        // RFC 2617 section 3.5: Mufasa / "Circle Of Life" gives this response
        String ha1 = DigestAuthenticator.md5Hex("Mufasa:testrealm@host.com:Circle Of Life".getBytes());
        String ha2 = DigestAuthenticator.md5Hex("GET:/dir/index.html".getBytes());
        String r = DigestAuthenticator.md5Hex((ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:"
                + ha2).getBytes());
        assertThat(r).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void rightWrongStaleAndLocked() {
        var state = InMemoryIsapiDeviceState.defaultNvr("Secret-Pass-77".toCharArray(), clock);
        var auth = new DigestAuthenticator("NVR", state, clock, 3, Duration.ofMinutes(30));
        String nonce = nonceOf(auth.challenge(false));
        String uri = "/ISAPI/Security/userCheck";
        assertThat(auth.check(null, "GET", uri).verdict()).isEqualTo(Verdict.NO_CREDENTIALS);
        assertThat(auth.check(header("admin", "NVR", "unknown", uri, "00"), "GET", uri).verdict())
                .isEqualTo(Verdict.STALE);
        String good = header("admin", "NVR", nonce, uri, expected("admin", "NVR", "Secret-Pass-77", nonce, "GET", uri));
        assertThat(auth.check(good, "GET", uri).verdict()).isEqualTo(Verdict.OK);
        // the same header for another URI does not authenticate
        assertThat(auth.check(good, "GET", "/ISAPI/System/reboot").verdict()).isEqualTo(Verdict.WRONG);
        String bad = header("admin", "NVR", nonce, uri, expected("admin", "NVR", "guess", nonce, "GET", uri));
        assertThat(auth.check(bad, "GET", uri).verdict()).isEqualTo(Verdict.WRONG);
        assertThat(auth.check(bad, "GET", uri).verdict()).isEqualTo(Verdict.LOCKED);
        assertThat(state.loginLock().failures()).isEqualTo(3);
        assertThat(auth.check(good, "GET", uri).verdict()).as("locked even with the right password")
                .isEqualTo(Verdict.LOCKED);
        assertThat(state.loginLock().failures()).isEqualTo(3);
    }
}
