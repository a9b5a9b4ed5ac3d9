package org.resetdesk.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the manager's daily summary from the kiosk: soon after start and then every {@code period} it checks whether
 * the summary of each finished day went out, and queues those that did not — at most {@link #CATCH_UP_DAYS} back,
 * so a station that was off over a weekend catches up when it is switched on. The last day sent is kept in a small
 * marker file, written atomically after the summary is safely in the outbox; a failed run is logged and retried at
 * the next check. Only started when {@code manager.email} and a mail server are configured.
 */
public final class DailySummarySchedule implements AutoCloseable {
    /** How many finished days a station that was switched off catches up on. */
    public static final int CATCH_UP_DAYS = 7;
    private static final Logger LOG = LoggerFactory.getLogger(DailySummarySchedule.class);

    private final Function<LocalDate, Optional<String>> send;
    private final Path marker;
    /** The last day queued by this process: an unwritable marker must not mean a mail every hour. */
    private LocalDate queuedHere;
    private final Clock clock;
    private final ZoneId zone;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "daily-summary");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /**
     * @param send queues the summary of a day and returns its Message-ID (empty: not configured)
     * @param marker the file that remembers the last day whose summary was queued
     */
    public DailySummarySchedule(Function<LocalDate, Optional<String>> send, Path marker, Clock clock, ZoneId zone) {
        this.send = send;
        this.marker = marker;
        this.clock = clock;
        this.zone = zone;
    }

    /** Checks after {@code firstDelay}, then every {@code period} (from the end of a check). */
    public DailySummarySchedule start(Duration firstDelay, Duration period) {
        timer.scheduleWithFixedDelay(this::safeRun, firstDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void safeRun() {
        try {
            List<LocalDate> sent = runOnce();
            if (!sent.isEmpty()) {
                LOG.info("daily summary queued for {}", sent);
            }
        } catch (RuntimeException e) {
            LOG.warn("daily summary failed, trying again at the next check: {}", e.toString());
        }
    }

    /** Queues the summaries that are due (oldest first) and returns their days; none when all went out. */
    public synchronized List<LocalDate> runOnce() {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        Optional<LocalDate> last = lastSent();
        if (queuedHere != null && (last.isEmpty() || queuedHere.isAfter(last.get()))) {
            last = Optional.of(queuedHere);
        }
        LocalDate first = last.map(d -> d.plusDays(1)).orElse(yesterday);
        LocalDate earliest = yesterday.minusDays(CATCH_UP_DAYS - 1L);
        if (first.isBefore(earliest)) {
            first = earliest;
        }
        List<LocalDate> sent = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(yesterday); d = d.plusDays(1)) {
            if (send.apply(d).isEmpty()) {
                break; // not configured (any more): nothing to remember
            }
            queuedHere = d;
            sent.add(d);
            remember(d);
        }
        return sent;
    }

    /** The last day whose summary was queued, if the marker says so (an unreadable marker counts as none). */
    public Optional<LocalDate> lastSent() {
        try {
            return Files.isRegularFile(marker)
                    ? Optional.of(LocalDate.parse(Files.readString(marker, StandardCharsets.UTF_8).strip()))
                    : Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("ignoring the unreadable summary marker {}: {}", marker, e.toString());
            return Optional.empty();
        }
    }

    private void remember(LocalDate day) {
        try {
            Files.createDirectories(marker.getParent());
            Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(tmp, day + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot record the summary of " + day + " in " + marker, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
