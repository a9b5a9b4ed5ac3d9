package org.resetdesk.job;

import java.nio.file.Path;

/** Files that belong to a job (exported request, imported reply, photos), stored with their SHA-256. */
public interface Artifacts {
    record Stored(Path path, String sha256, long size) {}

    Stored store(String jobId, String name, byte[] bytes);

    byte[] read(Path path);
}
