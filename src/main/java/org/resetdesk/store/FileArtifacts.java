package org.resetdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import org.resetdesk.job.Artifacts;

/**
 * A job's files (exported request, imported reply, photos) under {@code <data-dir>/jobs/<jobId>/}. Each file is
 * written to a temporary file in the same folder, forced to disk, then moved into place atomically and the folder is
 * forced too, so a crash or a full disk never leaves a partial file under the final name. Files are evidence and
 * are never overwritten with different bytes. Thread-safe.
 */
public final class FileArtifacts implements Artifacts {
    private final Path dataDir;

    public FileArtifacts(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    @Override
    public Stored store(String jobId, String name, byte[] bytes) {
        requireName("job id", jobId);
        requireName("file name", name);
        Path dir = dataDir.resolve("jobs").resolve(jobId);
        Path target = dir.resolve(name);
        String sha = sha256(bytes);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            if (Files.exists(target)) {
                if (Arrays.equals(Files.readAllBytes(target), bytes)) {
                    return new Stored(target, sha, bytes.length);
                }
                throw new StoreException("refused to overwrite " + target + ": it already holds other bytes");
            }
            temp = Files.createTempFile(dir, "." + name + ".", ".part");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            move(temp, target);
            temp = null;
            forceDirectory(dir);
            return new Stored(target, sha, bytes.length);
        } catch (IOException e) {
            String why = H2Errors.isDiskFull(e) ? "disk full" : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new StoreException((H2Errors.isDiskFull(e) ? "disk full: " : "") + "could not store " + name
                    + " for job " + jobId + " in " + dir + " (" + why + "); nothing was written", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the failure above is what matters; a stray .part file is never read
                }
            }
        }
    }

    @Override
    public byte[] read(Path path) {
        Path p = inside(path);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new StoreException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** Removes a file of a job (retention purge of photos). {@code ref} is absolute or relative to the data dir. */
    public boolean delete(String ref) {
        Path p = inside(Path.of(ref));
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new StoreException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(EventHash.sha256().digest(bytes));
    }

    private Path inside(Path path) {
        Path p = dataDir.resolve(path).toAbsolutePath().normalize();
        if (!p.startsWith(dataDir)) {
            throw new StoreException("refused: " + path + " is outside the data directory " + dataDir);
        }
        return p;
    }

    private static void requireName(String what, String value) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("unusable " + what + ": " + value
                    + " (letters, digits, '.', '_', '-', not starting with '.')");
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the data directory does not support atomic moves: " + target.getParent(), e);
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
