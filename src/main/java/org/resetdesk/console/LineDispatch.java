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

    /** One start..stop of the dispatcher: its own queue and gate, so a restart never sees stale lines. */
    private static final class Run {
        final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
        volatile boolean open = true;
    }

    private final String name;
    private final BootLogParser parser = new BootLogParser();
    private final List<ConsoleLink.Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Instant, ConsoleEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Run run;

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
        if (run != null) {
            return;
        }
        Run r = new Run();
        run = r;
        Thread thread = new Thread(() -> loop(r), "console-dispatch " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes the gate at once (no listener call starts after this returns) and lets the thread run out. */
    synchronized void stop() {
        Run r = run;
        if (r == null) {
            return;
        }
        r.open = false;
        run = null;
        offer(r, new Stop());
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
        Run r = run;
        if (r != null) {
            offer(r, item);
        }
    }

    private void offer(Run r, Item item) {
        while (!r.queue.offer(item)) {
            if (r.queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void loop(Run r) {
        RebootEvidence evidence = new RebootEvidence();
        while (r.open || !r.queue.isEmpty()) {
            Item item;
            try {
                item = r.queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item instanceof Stop) {
                return;
            }
            if (item instanceof LinkItem link) {
                each(r, l -> l.onLink(link.at(), link.connected(), link.detail()));
            } else if (item instanceof LineItem li) {
                deliver(r, li, evidence);
            }
        }
    }

    private void deliver(Run r, LineItem li, RebootEvidence evidence) {
        String text = li.line().text();
        parser.parse(text).ifPresent(event -> {
            switch (evidence.judge(event, li.at())) {
                case BOOT -> each(r, l -> l.onBoot(li.at(), text));
                case FAILURE -> each(r, l -> l.onFailure(li.at(), text));
                default -> { }
            }
            for (BiConsumer<Instant, ConsoleEvent> l : eventListeners) {
                guarded(r, () -> l.accept(li.at(), event));
            }
        });
        each(r, l -> l.onLine(li.at(), text));
    }

    private void each(Run r, java.util.function.Consumer<ConsoleLink.Listener> call) {
        for (ConsoleLink.Listener l : listeners) {
            guarded(r, () -> call.accept(l));
        }
    }

    private void guarded(Run r, Runnable call) {
        if (!r.open) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("console listener failed on {}: {}", name, e.toString(), e);
        }
    }
}
