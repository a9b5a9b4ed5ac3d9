package org.resetdesk.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains the event log: SHA-256 over a version tag, the previous row's hash and the row's content
 * (seq, job id, time, type, detail), each field length-prefixed so no two different rows encode alike. Pure.
 */
public final class EventHash {
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] TAG = "resetdesk-event-v1".getBytes(StandardCharsets.US_ASCII);

    private EventHash() {}

    public static String of(String prevHash, long seq, String jobId, Instant at, String type, String detail) {
        MessageDigest sha = sha256();
        sha.update(TAG);
        field(sha, prevHash);
        sha.update(ByteBuffer.allocate(8).putLong(seq).array());
        field(sha, jobId);
        field(sha, at.toString());
        field(sha, type);
        field(sha, detail);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String s) {
        if (s == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
