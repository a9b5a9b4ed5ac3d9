package org.resetdesk.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The virtual recorder's console: plays a {@link BootScript} onto a port path (normally one end of a socat pty pair,
 * the kiosk listening on the other) with the script's timing multiplied by {@code timeScale} (1.0 = real speed,
 * 0.01 for tests). The port is opened for writing only, never created: a missing path fails the boot's future and
 * nothing else.
 *
 * <p>Non-blocking: every call returns at once; one daemon thread per writer does the writing. A new boot cuts the
 * one still being printed, as a power cut would. A write to a pty nobody drains can block that thread, never the caller.
 */
public final class BootLogWriter implements AutoCloseable {
    private final Path port;
    private final double timeScale;
    private final ScheduledThreadPoolExecutor executor;
    private OutputStream out;
    private Boot current;
    private List<ScheduledFuture<?>> pending = List.of();

    /**
     * One boot being printed. {@code bannerWritten} completes, once the first step (the banner) was written and
     * flushed, with the {@link System#nanoTime()} taken just before that write began (the moment the recorder "printed"
     * it); {@code done} when the last step was written, exceptionally when the port failed or the boot was cut.
     */
    public record Boot(CompletableFuture<Long> bannerWritten, CompletableFuture<Void> done) {}

    public BootLogWriter(Path port, double timeScale) {
        if (!(timeScale >= 0)) {
            throw new IllegalArgumentException("time scale must be >= 0: " + timeScale);
        }
        this.port = port;
        this.timeScale = timeScale;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bootlog-writer " + port);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    public Path port() {
        return port;
    }

    /** Prints a normal NVR boot ({@link BootScript#nvr}). Call it on every (re)boot of the virtual recorder. */
    public Boot writeBoot(String ubootVersion, String buildDate, String mac) {
        return play(BootScript.nvr(ubootVersion, buildDate, mac));
    }

    /** As {@link #writeBoot(String, String, String)} with the build date of the default U-Boot. */
    public Boot writeBoot(String ubootVersion, String mac) {
        return writeBoot(ubootVersion, BootScript.DEFAULT_BUILD_DATE, mac);
    }

    /** Prints {@code script} from now on, cutting a boot still in progress. */
    public synchronized Boot play(BootScript script) {
        if (executor.isShutdown()) {
            throw new IllegalStateException("boot log writer is closed");
        }
        cut();
        Boot boot = new Boot(new CompletableFuture<>(), new CompletableFuture<>());
        current = boot;
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        List<BootScript.Step> steps = script.steps();
        for (int i = 0; i < steps.size(); i++) {
            BootScript.Step step = steps.get(i);
            boolean first = i == 0;
            boolean last = i == steps.size() - 1;
            long delay = Math.round(step.atMillis() * 1_000_000.0 * timeScale);
            tasks.add(executor.schedule(() -> emit(boot, step, first, last), delay, TimeUnit.NANOSECONDS));
        }
        pending = tasks;
        return boot;
    }

    /** Power cut: stops the boot being printed (its {@code done} fails with a {@link CancellationException}). */
    public synchronized void cut() {
        pending.forEach(f -> f.cancel(false));
        pending = List.of();
        if (current != null) {
            current.bannerWritten().completeExceptionally(new CancellationException("power cut"));
            current.done().completeExceptionally(new CancellationException("power cut"));
            current = null;
        }
    }

    @Override
    public synchronized void close() {
        cut();
        if (!executor.isShutdown()) {
            executor.execute(this::closeStream);
            executor.shutdown();
        }
    }

    private void emit(Boot boot, BootScript.Step step, boolean first, boolean last) {
        if (boot.done().isDone()) {
            return;
        }
        long before = System.nanoTime();
        try {
            write(step.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            boot.bannerWritten().completeExceptionally(e);
            boot.done().completeExceptionally(e);
            return;
        }
        if (first) {
            boot.bannerWritten().complete(before);
        }
        if (last) {
            boot.done().complete(null);
        }
    }

    /** Runs on the writer thread only. Reopens once when the pty behind the path was recreated. */
    private void write(byte[] bytes) throws IOException {
        try {
            stream().write(bytes);
            out.flush();
        } catch (IOException first) {
            closeStream();
            stream().write(bytes);
            out.flush();
        }
    }

    private OutputStream stream() throws IOException {
        if (out == null) {
            out = Files.newOutputStream(port, StandardOpenOption.WRITE);
        }
        return out;
    }

    private void closeStream() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the pty is already gone
            }
            out = null;
        }
    }
}
