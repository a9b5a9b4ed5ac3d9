package org.resetdesk.job;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory Artifacts for pure unit tests. */
public final class FakeArtifacts implements Artifacts {
    public final Map<Path, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void discard(Stored stored) {
        files.remove(stored.path());
    }

    @Override
    public Stored store(String jobId, String name, byte[] bytes) {
        Path p = Path.of("mem", jobId, name);
        files.put(p, bytes.clone());
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new Stored(p, sha, bytes.length);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] read(Path path) {
        return files.get(path).clone();
    }
}
