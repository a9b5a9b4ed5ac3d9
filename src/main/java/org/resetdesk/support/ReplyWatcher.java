package org.resetdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder (a shared folder or a USB stick's mount point) for reply files and offers each complete file to
 * {@link ReplyIntake}. A WatchService reacts at once; a periodic rescan catches what it misses (network shares,
 * a stick mounted after start, overflow). A file is read only once its size and modification time have stayed the
 * same for {@code settle}, so a copy in progress is never taken half-written. Files are never changed or deleted:
 * the folder may be the customer's or support's medium. Runs on one daemon thread ("resetdesk-reply-watch").
 */
public final class ReplyWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyWatcher.class);

    private record Look(long size, long modified) {}

    private final Path folder;
    private final ReplyIntake intake;
    private final Duration rescan;
    private final Duration settle;
    private final Consumer<ReplyIntake.Result> results;
    private final ScheduledExecutorService thread;
    private final Map<Path, Look> lastLook = new HashMap<>();
    private final Map<Path, Look> done = new HashMap<>();
    private volatile WatchService watch;

    /** @param results told about every offered file (for the Waiting screen); called on the watcher thread */
    public ReplyWatcher(Path folder, ReplyIntake intake, Duration rescan, Duration settle,
                        Consumer<ReplyIntake.Result> results) {
        this.folder = folder;
        this.intake = intake;
        this.rescan = rescan;
        this.settle = settle;
        this.results = results;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resetdesk-reply-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching; when the folder exists it is watched before this returns. */
    public void start() {
        ensureWatching();
        thread.scheduleWithFixedDelay(this::scanSafely, 0, rescan.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** (Re)starts the watch when the folder is there and nothing watches it. */
    private synchronized void ensureWatching() {
        if (watch != null || !Files.isDirectory(folder)) {
            return;
        }
        try {
            WatchService w = FileSystems.getDefault().newWatchService();
            folder.register(w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.OVERFLOW);
            watch = w;
            Thread events = new Thread(() -> watchLoop(w), "resetdesk-reply-watch-events");
            events.setDaemon(true);
            events.start();
        } catch (IOException e) {
            LOG.warn("cannot watch {} ({}); relying on the rescan", folder, e.toString());
        }
    }

    private void watchLoop(WatchService w) {
        try {
            while (!thread.isShutdown()) {
                WatchKey key = w.take();
                key.pollEvents();
                boolean valid = key.reset();
                thread.execute(this::scanSafely);
                thread.schedule(this::scanSafely, settle.toMillis() + 20, TimeUnit.MILLISECONDS);
                if (!valid) {
                    break; // the folder went away (stick unplugged): the rescan re-registers it
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException | RejectedExecutionException e) {
            // closing
        } finally {
            try {
                w.close();
            } catch (IOException ignored) {
                // already closed
            }
            if (watch == w) {
                watch = null;
            }
        }
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            LOG.warn("scan of {} failed: {}", folder, e.toString());
        }
    }

    private void scan() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        ensureWatching();
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
                    continue;
                }
                // the folder may be a stranger's stick: never follow a link out of it, never open a pipe or device
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    continue;
                }
                Look look = new Look(a.size(), a.lastModifiedTime().toMillis());
                if (look.equals(done.get(p))) {
                    continue;
                }
                Look before = lastLook.put(p, look);
                boolean stable = look.equals(before) || now - look.modified() >= settle.toMillis();
                if (stable) {
                    offer(p, look);
                }
            }
        }
    }

    private void offer(Path p, Look look) throws IOException {
        String name = p.getFileName().toString();
        // read one byte more than allowed, so an oversized file is refused without reading it all
        byte[] bytes = readAtMost(p, intake.maxBytes() + 1);
        ReplyIntake.Result r = intake.offer(new ReplyIntake.Reply("folder " + folder, name, null, bytes));
        done.put(p, look);
        LOG.info("reply file {}: {}", name, r);
        results.accept(r);
    }

    private static byte[] readAtMost(Path p, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(limit);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (watch != null) {
                watch.close();
            }
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
