package org.resetdesk.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process (usually a JVM started by {@link NetnsLab#java}) whose stdout and stderr are captured line by line
 * on two daemon threads. Waiting methods take a timeout and fail with the captured output, never hang.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        pump(process.getInputStream(), out, "out");
        pump(process.getErrorStream(), err, "err");
    }

    static ChildJvm start(String name, List<String> cmd) {
        try {
            return new ChildJvm(name, new ProcessBuilder(cmd).start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", cmd), e);
        }
    }

    private void pump(InputStream in, List<String> sink, String which) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (this) {
                        sink.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
            synchronized (this) {
                notifyAll();
            }
        }, "child-" + which + "-" + name);
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    /** Waits for a stdout line matching {@code p}; fails with the output so far on timeout or early exit. */
    public synchronized String awaitLine(Predicate<String> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < out.size(); checked++) {
                if (p.test(out.get(checked))) {
                    return out.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": no matching line within " + timeout + "\n" + dump());
            }
            if (!process.isAlive() && checked >= out.size()) {
                // give the pump a last chance to deliver what the process wrote before exiting
                try {
                    wait(Math.min(200, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(name + ": interrupted");
                }
                if (checked >= out.size()) {
                    throw new AssertionError(name + ": exited (" + process.exitValue() + ") without a matching line\n"
                            + dump());
                }
                continue;
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted");
            }
        }
    }

    /** Waits for the process to exit and returns its exit code; kills it and fails on timeout. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError(name + ": still running after " + timeout + "\n" + dump());
            }
            for (Thread t : pumps) {
                t.join(2000); // the pumps end at EOF, right after the process
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted");
        }
        return process.exitValue();
    }

    public synchronized List<String> stdout() {
        return List.copyOf(out);
    }

    public synchronized String stderr() {
        return String.join("\n", err);
    }

    public void writeStdin(String text) {
        try {
            OutputStream o = process.getOutputStream();
            o.write(text.getBytes(StandardCharsets.UTF_8));
            o.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + ": stdin closed", e);
        }
    }

    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private synchronized String dump() {
        return "--- stdout of " + name + " ---\n" + String.join("\n", out) + "\n--- stderr ---\n"
                + String.join("\n", err);
    }

    /** Closes stdin, asks the process to stop, and kills it if it has not within 5 s. */
    @Override
    public void close() {
        closeStdin();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
