package org.resetdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.resetdesk.job.Artifacts;

/** Artifacts as plain files under a directory (the production store lives in the store area). */
final class DirArtifacts implements Artifacts {
    private final Path root;

    DirArtifacts(Path root) {
        this.root = root;
    }

    @Override
    public Stored store(String jobId, String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(root.resolve(jobId));
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return new Stored(p, ReplyIntake.sha256(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
