package org.resetdesk.console;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.resetdesk.job.ConsoleLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands framed lines from the serial thread to one dispatcher thread, which parses them and calls the listeners in
 * order. The serial side only enqueues (never blocks: when listeners fall more than {@value #CAPACITY} lines behind,
 * the oldest waiting line is dropped and counted).
 */
final class LineDispatch {
    static final int CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(LineDispatch.class);

    private sealed interface Item permits LineItem, LinkItem, Stop {}

    private record LineItem(Instant at, LineFramer.Line line) implements Item {}

    private record LinkItem(Instant at, boolean connected, String detail) implements Item {}

    private record Stop() implements Item {}

    private final String name;
    private final BootLogParser parser = new BootLogParser();
    private final List<ConsoleLink.Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Instant, ConsoleEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
    private volatile boolean open;
    private Thread thread;

    LineDispatch(String name) {
        this.name = name;
    }

    void addListener(ConsoleLink.Listener l) {
        listeners.add(l);
    }

    void removeListener(ConsoleLink.Listener l) {
        listeners.remove(l);
    }

    void addEventListener(BiConsumer<Instant, ConsoleEvent> l) {
        eventListeners.add(l);
    }

    long dropped() {
        return dropped.get();
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        queue = new ArrayBlockingQueue<>(CAPACITY);
        open = true;
        BlockingQueue<Item> q = queue;
        thread = new Thread(() -> run(q), "console-dispatch " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the dispatcher; listeners are not called once this returns (unless one is stuck for over 2 s). */
    synchronized void stop() {
        if (thread == null) {
            return;
        }
        enqueue(new Stop());
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open = false;
        thread = null;
    }

    /** Any thread: a framed line, stamped when it was framed. */
    void line(Instant at, LineFramer.Line line) {
        enqueue(new LineItem(at, line));
    }

    /** Any thread: the port opened or went away. */
    void link(Instant at, boolean connected, String detail) {
        enqueue(new LinkItem(at, connected, detail));
    }

    private void enqueue(Item item) {
        BlockingQueue<Item> q = queue;
        while (!q.offer(item)) {
            if (q.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void run(BlockingQueue<Item> q) {
        RebootEvidence evidence = new RebootEvidence();
        while (true) {
            Item item;
            try {
                item = q.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item instanceof Stop) {
                open = false;
                return;
            }
            if (item instanceof LinkItem link) {
                each(l -> l.onLink(link.at(), link.connected(), link.detail()));
            } else if (item instanceof LineItem li) {
                deliver(li, evidence);
            }
        }
    }

    private void deliver(LineItem li, RebootEvidence evidence) {
        String text = li.line().text();
        parser.parse(text).ifPresent(event -> {
            switch (evidence.judge(event, li.at())) {
                case BOOT -> each(l -> l.onBoot(li.at(), text));
                case FAILURE -> each(l -> l.onFailure(li.at(), text));
                default -> { }
            }
            for (BiConsumer<Instant, ConsoleEvent> l : eventListeners) {
                guarded(() -> l.accept(li.at(), event));
            }
        });
        each(l -> l.onLine(li.at(), text));
    }

    private void each(java.util.function.Consumer<ConsoleLink.Listener> call) {
        for (ConsoleLink.Listener l : listeners) {
            guarded(() -> call.accept(l));
        }
    }

    private void guarded(Runnable r) {
        if (!open) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("console listener failed on {}: {}", name, e.toString(), e);
        }
    }
}
