package org.resetdesk.ui.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.resetdesk.job.Artifacts;

/** Job files in a real temporary directory. */
public final class FakeArtifacts implements Artifacts {
    private final Path root;

    public FakeArtifacts(Path root) {
        this.root = root;
    }

    @Override
    public Stored store(String jobId, String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(root.resolve(jobId));
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return new Stored(p, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
