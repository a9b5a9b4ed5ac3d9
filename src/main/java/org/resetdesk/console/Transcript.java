package org.resetdesk.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.resetdesk.job.ConsoleLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's console transcript on disk: {@code console-<jobId>.log} in a directory, one line per console line as
 * {@code <ISO instant> <line>}, plus {@code --- ...} marks for boots, failures and the port coming and going. When the
 * file would pass {@code maxBytes} it is rotated ({@code .1}, {@code .2}, ... up to {@code files - 1} old files), so a
 * transcript never takes more than {@code maxBytes * files}. Console lines pass through {@link #redact} first.
 *
 * <p>Attach it to a link with {@link ConsoleLink#addListener}; reference {@link #path()} from the job log. Thread-safe;
 * a write error is logged once and the transcript goes quiet rather than disturbing the console.
 */
public final class Transcript implements ConsoleLink.Listener, AutoCloseable {
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int DEFAULT_FILES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Transcript.class);
    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(
            "(?i)\\b(password|passwd|passphrase|pwd|pass|pin|secret)(\\s*[:=]\\s*)[^\\s,;]+");
    private static final java.util.regex.Pattern SECRET_WORD = java.util.regex.Pattern.compile(
            "(?i)\\b(password|passwd|pwd)(\\s+)(?!\\*\\*\\*)[^\\s,;]+");

    private final Path path;
    private final long maxBytes;
    private final int files;
    private OutputStream out;
    private long size;
    private boolean failed;

    private Transcript(Path path, long maxBytes, int files) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.files = files;
    }

    /** Opens (appending to) the transcript of {@code jobId} in {@code dir}, 1 MiB x 3 files. */
    public static Transcript open(Path dir, String jobId) throws IOException {
        return open(dir, jobId, DEFAULT_MAX_BYTES, DEFAULT_FILES);
    }

    public static Transcript open(Path dir, String jobId, long maxBytes, int files) throws IOException {
        if (maxBytes < 2L * LineFramer.DEFAULT_MAX_LINE * 4 || files < 1) {
            throw new IllegalArgumentException("transcript cap too small: " + maxBytes + " x " + files);
        }
        String safe = jobId.replaceAll("[^A-Za-z0-9._-]", "_");
        return at(dir.resolve("console-" + safe + ".log"), maxBytes, files);
    }

    /** Opens (appending to) a transcript at exactly {@code file}, creating its folder; same cap rules. */
    public static Transcript at(Path file, long maxBytes, int files) throws IOException {
        if (maxBytes < 2L * LineFramer.DEFAULT_MAX_LINE * 4 || files < 1) {
            throw new IllegalArgumentException("transcript cap too small: " + maxBytes + " x " + files);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Transcript t = new Transcript(file, maxBytes, files);
        t.openFile();
        return t;
    }

    /**
     * Masks what follows a password-like key ({@code password=...}, {@code passwd: ...}, {@code pwd ...},
     * {@code PIN=...}) so a console that ever prints a credential (a U-Boot environment dump, a debug shell) does not
     * leave it on disk. The key stays, the value becomes {@code ***}.
     */
    public static String redact(String line) {
        String masked = SECRET.matcher(line).replaceAll("$1$2***");
        return SECRET_WORD.matcher(masked).replaceAll("$1$2***");
    }

    /** The current file (older parts are {@code path + ".1"}, {@code ".2"}, ...). */
    public Path path() {
        return path;
    }

    /** The current file and its rotated predecessors that exist, newest first. */
    public synchronized List<Path> parts() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path p = part(i);
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public void onLine(Instant at, String line) {
        write(at, redact(line));
    }

    @Override
    public void onBoot(Instant at, String line) {
        write(at, "--- the recorder restarted (boot seen on its console)");
    }

    @Override
    public void onFailure(Instant at, String line) {
        write(at, "--- the recorder is not booting");
    }

    @Override
    public void onLink(Instant at, boolean connected, String detail) {
        write(at, "--- console " + (connected ? "connected: " : "disconnected: ") + detail);
    }

    public synchronized void write(Instant at, String text) {
        if (failed || out == null) {
            return;
        }
        byte[] bytes = (at + " " + text + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (size + bytes.length > maxBytes && size > 0) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            failed = true;
            LOG.warn("console transcript {} stopped: {}", path, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing console transcript {}: {}", path, e.toString());
            }
            out = null;
        }
    }

    private void openFile() throws IOException {
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        if (files == 1) {
            Files.delete(path);
        } else {
            Files.deleteIfExists(part(files - 1));
            for (int i = files - 2; i >= 0; i--) {
                if (Files.exists(part(i))) {
                    Files.move(part(i), part(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        openFile();
    }

    private Path part(int i) {
        return i == 0 ? path : path.resolveSibling(path.getFileName() + "." + i);
    }
}
