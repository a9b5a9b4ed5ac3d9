package org.resetdesk.job;

import java.nio.file.Path;

/** Files that belong to a job (exported request, imported reply, photos), stored with their SHA-256. */
public interface Artifacts {
    record Stored(Path path, String sha256, long size) {}

    Stored store(String jobId, String name, byte[] bytes);

    byte[] read(Path path);

    /** Removes a file stored by {@link #store} (a job that was never opened must not leave its photos behind). */
    default void discard(Stored stored) {
        try {
            java.nio.file.Files.deleteIfExists(stored.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
