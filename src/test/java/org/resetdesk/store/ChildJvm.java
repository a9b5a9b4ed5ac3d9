package org.resetdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM running a test main on this test classpath, with its stdout read line by line on a daemon thread.
 * Used for the multi-process and kill -9 tests.
 */
final class ChildJvm implements AutoCloseable {
    private static final String EOF = "\u0000eof";
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final PrintStream stdin;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::pump, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path stderrFile, Class<?> main, String... args) throws IOException {
        return start(List.of("-Dh2.bindAddress=127.0.0.1"), stderrFile, main, args);
    }

    /** @param jvmOptions system properties for the child; none means the store must bind H2 to loopback itself */
    static ChildJvm start(List<String> jvmOptions, Path stderrFile, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderrFile.toFile());
        return new ChildJvm(pb.start());
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the child died: the EOF marker below tells the waiting test
        }
        lines.add(EOF);
    }

    /** Waits for a line matching {@code match}; every line read on the way is kept in {@link #seen()}. */
    String await(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("child " + process.pid() + " printed no matching line within " + timeout
                        + "; last lines: " + tail());
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                throw new AssertionError("child " + process.pid() + " ended (exit " + exitCode() + "); last lines: "
                        + tail());
            }
            seen.add(line);
            if (match.test(line)) {
                return line;
            }
        }
    }

    /** After the child has ended: every line it printed, including those not awaited yet. */
    List<String> drainAfterExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not end within " + timeout);
        }
        while (true) {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line.equals(EOF)) {
                return seen;
            }
            seen.add(line);
        }
    }

    void send(String line) {
        stdin.println(line);
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    List<String> seen() {
        return seen;
    }

    private String exitCode() {
        return process.isAlive() ? "running" : String.valueOf(process.exitValue());
    }

    private String tail() {
        return seen.subList(Math.max(0, seen.size() - 5), seen.size()).toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }

    static Duration timeout() {
        return Duration.ofSeconds(60);
    }
}
