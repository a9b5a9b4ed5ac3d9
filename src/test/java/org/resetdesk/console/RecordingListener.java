package org.resetdesk.console;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.resetdesk.job.ConsoleLink;

/** Test double: keeps what a console link reported, as {@code kind:text} strings in arrival order. */
public final class RecordingListener implements ConsoleLink.Listener {
    public final List<String> all = new CopyOnWriteArrayList<>();
    public final List<String> boots = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final List<Boolean> links = new CopyOnWriteArrayList<>();
    public final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onBoot(Instant at, String line) {
        boots.add(line);
        all.add("boot:" + line);
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onFailure(Instant at, String line) {
        failures.add(line);
        all.add("failure:" + line);
    }

    @Override
    public void onLink(Instant at, boolean connected, String detail) {
        links.add(connected);
        all.add("link:" + connected + ":" + detail);
    }

    @Override
    public void onLine(Instant at, String line) {
        lines.add(line);
    }

    public long connects() {
        return links.stream().filter(b -> b).count();
    }

    public long disconnects() {
        return links.stream().filter(b -> !b).count();
    }
}
