package org.resetdesk.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM inside a network namespace, like {@link NetnsLab#java}, but with extra environment variables and every
 * stdout line stamped with {@link System#nanoTime()} the moment the pump thread reads it (for latency measurements).
 * Waiting methods take a timeout and fail with the captured output; they never hang.
 */
public final class NsProcess implements AutoCloseable {
    /** One stdout line and the {@code System.nanoTime()} at which the test received it. */
    public record Line(long nanos, String text) {}

    private final String name;
    private final Process process;
    private final List<Line> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();

    private NsProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        pump(process.getInputStream(), true);
        pump(process.getErrorStream(), false);
    }

    /** Starts {@code mainClass} with the test classpath in namespace {@code ns}, with {@code env} added. */
    public static NsProcess java(String ns, Map<String, String> env, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, NetnsLab.javaBinary(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Djava.net.preferIPv4Stack=true",
                "-Dh2.bindAddress=127.0.0.1", "-cp", NetnsLab.testClasspath(), mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        try {
            return new NsProcess(ns + ":" + String.join(" ", args.subList(0, Math.min(args.size(), 6))), pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", cmd), e);
        }
    }

    private void pump(InputStream in, boolean stdout) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    long now = System.nanoTime();
                    synchronized (this) {
                        if (stdout) {
                            out.add(new Line(now, line));
                        } else {
                            err.add(line);
                        }
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
            synchronized (this) {
                notifyAll();
            }
        }, "nsproc-" + (stdout ? "out" : "err"));
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    /** Waits for a stdout line matching {@code p} at index {@code from} or later; fails on timeout or exit. */
    public synchronized Line awaitLine(int from, Predicate<String> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = from;
        boolean exitedSeen = false;
        while (true) {
            for (; checked < out.size(); checked++) {
                if (p.test(out.get(checked).text())) {
                    return out.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(name + ": no matching line within " + timeout + "\n" + dump());
            }
            if (!process.isAlive()) {
                if (exitedSeen) {
                    throw new AssertionError(name + ": exited (" + process.exitValue() + ") without a matching line\n"
                            + dump());
                }
                exitedSeen = true; // one more short wait lets the pump deliver the last lines
                left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(300));
            }
            try {
                // bounded slices: the pumps see EOF (and notify) slightly before the process counts as exited
                wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted");
            }
        }
    }

    /** Waits for the exit and returns the code; kills the process and fails on timeout. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError(name + ": still running after " + timeout + "\n" + dump());
            }
            for (Thread t : pumps) {
                t.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted");
        }
        return process.exitValue();
    }

    public synchronized List<Line> lines() {
        return List.copyOf(out);
    }

    public synchronized List<String> stdout() {
        return out.stream().map(Line::text).toList();
    }

    public synchronized String stderr() {
        return String.join("\n", err);
    }

    public void writeStdin(String text) {
        try {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
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

    public boolean isAlive() {
        return process.isAlive();
    }

    public synchronized String dump() {
        StringBuilder sb = new StringBuilder("--- stdout of " + name + " ---\n");
        out.forEach(l -> sb.append(l.text()).append('\n'));
        return sb.append("--- stderr ---\n").append(String.join("\n", err)).toString();
    }

    /** Closes stdin, stops the process (and what {@code ip netns exec} started), kills it after 5 s. */
    @Override
    public void close() {
        closeStdin();
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
