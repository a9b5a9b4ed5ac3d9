package org.resetdesk.recorder.isapi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetdesk.recorder.isapi.IsapiDeviceState.LoginLock;

/**
 * The server side of HTTP Digest (RFC 2617 / RFC 7616, MD5, qop=auth) with the recorder's login lock: after
 * {@code lockAfter} consecutive wrong passwords every login is refused for {@code lockFor}, as real recorders do
 * ("illegal login lock"). Only a request that carries a wrong password counts; a request without credentials or
 * with an expired nonce only gets a (fresh) challenge. Thread-safe.
 */
final class DigestAuthenticator {
    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
    private static final Duration NONCE_LIFE = Duration.ofMinutes(10);
    private static final int MAX_NONCES = 4096;

    private final String realm;
    private final IsapiDeviceState state;
    private final Clock clock;
    private final int lockAfter;
    private final Duration lockFor;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

    enum Verdict { OK, NO_CREDENTIALS, STALE, WRONG, LOCKED }

    /** The verdict and, for WRONG/LOCKED, the lock state after this request. */
    record Check(Verdict verdict, LoginLock lock) {}

    DigestAuthenticator(String realm, IsapiDeviceState state, Clock clock, int lockAfter, Duration lockFor) {
        this.realm = realm;
        this.state = state;
        this.clock = clock;
        this.lockAfter = lockAfter;
        this.lockFor = lockFor;
    }

    String realm() {
        return realm;
    }

    int lockAfter() {
        return lockAfter;
    }

    String challenge(boolean stale) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String nonce = HexFormat.of().formatHex(b);
        if (nonces.size() >= MAX_NONCES) {
            expireNonces();
        }
        nonces.put(nonce, clock.instant());
        return "Digest qop=\"auth\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", stale=\""
                + (stale ? "TRUE" : "FALSE") + "\"";
    }

    /** Checks an {@code Authorization} header for {@code method} and {@code requestUri} (path and query as sent). */
    synchronized Check check(String header, String method, String requestUri) {
        Instant now = clock.instant();
        LoginLock lock = state.loginLock();
        if (lock.lockedUntil() != null && !now.isBefore(lock.lockedUntil())) {
            lock = LoginLock.NONE;
            state.loginLock(lock);
        }
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return new Check(lock.lockedUntil() != null ? Verdict.LOCKED : Verdict.NO_CREDENTIALS, lock);
        }
        Map<String, String> p = params(header.substring(7));
        Instant issued = p.get("nonce") == null ? null : nonces.get(p.get("nonce"));
        if (issued == null || issued.plus(NONCE_LIFE).isBefore(now)) {
            return new Check(Verdict.STALE, lock);
        }
        if (lock.lockedUntil() != null) {
            return new Check(Verdict.LOCKED, lock);
        }
        if (matches(p, method, requestUri)) {
            state.loginLock(LoginLock.NONE);
            return new Check(Verdict.OK, LoginLock.NONE);
        }
        int failures = lock.failures() + 1;
        LoginLock next = failures >= lockAfter ? new LoginLock(failures, now.plus(lockFor)) : new LoginLock(failures, null);
        state.loginLock(next);
        return new Check(next.lockedUntil() != null ? Verdict.LOCKED : Verdict.WRONG, next);
    }

    private boolean matches(Map<String, String> p, String method, String requestUri) {
        String user = p.get("username");
        String response = p.get("response");
        String qop = p.get("qop");
        String algorithm = p.getOrDefault("algorithm", "MD5");
        if (user == null || response == null || !realm.equals(p.get("realm")) || !"auth".equals(qop)
                || !"MD5".equalsIgnoreCase(algorithm) || p.get("nc") == null || p.get("cnonce") == null
                || !requestUri.equals(p.get("uri"))) {
            return false;
        }
        String ha2 = md5Hex((method + ":" + requestUri).getBytes(StandardCharsets.UTF_8));
        String tail = ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2;
        return state.checkPassword(user, password -> {
            try {
                String ha1 = md5Hex(concat(user + ":" + realm + ":", password));
                return MessageDigest.isEqual(md5Hex((ha1 + tail).getBytes(StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.US_ASCII), response.toLowerCase().getBytes(StandardCharsets.US_ASCII));
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }

    static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(s);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            out.put(m.group(1).toLowerCase(), v);
        }
        return out;
    }

    private static byte[] concat(String prefix, char[] password) {
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + pw.remaining()];
        System.arraycopy(head, 0, out, 0, head.length);
        pw.get(out, head.length, pw.remaining());
        if (pw.hasArray()) {
            Arrays.fill(pw.array(), (byte) 0);
        }
        return out;
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        } finally {
            // callers may pass password bytes: wipe them
            Arrays.fill(data, (byte) 0);
        }
    }

    private void expireNonces() {
        Instant cutoff = clock.instant().minus(NONCE_LIFE);
        for (Iterator<Map.Entry<String, Instant>> it = nonces.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isBefore(cutoff)) {
                it.remove();
            }
        }
        if (nonces.size() >= MAX_NONCES) {
            nonces.clear();
        }
    }
}
