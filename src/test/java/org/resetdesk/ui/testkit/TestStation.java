package org.resetdesk.ui.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.resetdesk.job.JobService;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.job.Watchdog;
import org.resetdesk.ui.KioskContext;
import org.resetdesk.ui.KioskSettings;

/**
 * A training station for UI tests: the real JobService and Watchdog over in-memory fakes (jobs, recorder, staff)
 * and real files in a temporary directory. Staff: Ann (1234, staff), Max (9876, manager).
 */
public final class TestStation implements AutoCloseable {
    public final ShiftedClock clock = new ShiftedClock();
    public final FakeJobRepository repo = new FakeJobRepository();
    public final FakeRecorderLink recorder = new FakeRecorderLink(clock);
    public final FakeStaffDirectory staff = new FakeStaffDirectory(clock);
    public final Path handoff;
    public final FakeTrainer trainer;
    public final JobService jobs;
    public final Watchdog watchdog;
    public final KioskContext ctx;
    private final ExecutorService io;
    private final ScheduledExecutorService sched;

    public TestStation(Path dir, Locale locale) {
        AtomicInteger n = new AtomicInteger();
        io = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ui-test-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        sched = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-test-watchdog");
            t.setDaemon(true);
            return t;
        });
        handoff = dir.resolve("handoff");
        trainer = new FakeTrainer(recorder, clock, handoff);
        jobs = new JobService(repo, recorder, new FakeArtifacts(dir.resolve("data")), clock, io);
        watchdog = new Watchdog(jobs, recorder, clock, sched, Duration.ofMillis(250));
        staff.add("ann", "Ann Becker", "1234".toCharArray(), StaffDirectory.Role.STAFF);
        staff.add("max", "Max Vogel", "9876".toCharArray(), StaffDirectory.Role.MANAGER);
        KioskSettings settings = new KioskSettings("Fernseh Kaiser · Service", 300, 1f, false, locale, handoff,
                List.of(dir.resolve("usb")), 0, "email");
        ctx = new KioskContext(jobs, staff, clock, io, true, trainer, settings);
    }

    public TestStation startWatchdog() {
        watchdog.start();
        return this;
    }

    @Override
    public void close() {
        watchdog.close();
        sched.shutdownNow();
        io.shutdownNow();
    }
}
