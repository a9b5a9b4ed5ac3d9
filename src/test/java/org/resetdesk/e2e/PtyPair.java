package org.resetdesk.e2e;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.resetdesk.testsupport.NsProcess;

/**
 * A socat pty pair: the recorder writes its console to {@code a}; a daemon thread reads {@code b} line by line and
 * stamps each line with {@link System#nanoTime()} as it arrives. Closing kills socat, which ends the reader.
 */
final class PtyPair implements AutoCloseable {
    final Path a;
    final Path b;
    private final Process socat;
    private final List<NsProcess.Line> lines = new ArrayList<>();

    private PtyPair(Path a, Path b, Process socat) {
        this.a = a;
        this.b = b;
        this.socat = socat;
    }

    static PtyPair start(Path a, Path b) throws IOException {
        Process p = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(a) && Files.exists(b));
        PtyPair pair = new PtyPair(a, b, p);
        Thread t = new Thread(pair::read, "pty-reader");
        t.setDaemon(true);
        t.start();
        return pair;
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(b.toFile()),
                StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = r.readLine()) != null) {
                long now = System.nanoTime();
                synchronized (this) {
                    lines.add(new NsProcess.Line(now, line));
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // socat gone
        }
    }

    synchronized List<NsProcess.Line> lines() {
        return List.copyOf(lines);
    }

    synchronized NsProcess.Line awaitLine(int from, Predicate<String> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = from; ; ) {
            for (; i < lines.size(); i++) {
                if (p.test(lines.get(i).text())) {
                    return lines.get(i);
                }
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("no matching console line within " + timeout + ": " + lines);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
