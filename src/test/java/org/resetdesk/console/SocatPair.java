package org.resetdesk.console;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real pty pair made by socat, {@code a <-> b}, with symlinks at the given paths (unique per test:
 * put them in a {@code @TempDir}). {@link #unplug()} kills socat (SIGTERM; socat removes its links) like pulling a
 * USB-serial adapter; {@link #plugIn()} makes a fresh pair at the same paths.
 */
public final class SocatPair implements AutoCloseable {
    private final Path a;
    private final Path b;
    private Process process;

    private SocatPair(Path a, Path b) {
        this.a = a;
        this.b = b;
    }

    public static SocatPair start(Path a, Path b) throws IOException {
        SocatPair p = new SocatPair(a, b);
        p.plugIn();
        return p;
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    public synchronized void plugIn() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(a) && Files.exists(b));
    }

    public synchronized void unplug() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
        Files.deleteIfExists(a); // socat removes its links on SIGTERM; this only covers a forced kill
        Files.deleteIfExists(b);
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(a, LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(b, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        unplug();
    }
}
