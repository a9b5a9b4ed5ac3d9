package org.resetdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.resetdesk.cli.CliSupport;
import org.resetdesk.cli.CommandFailed;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.console.ConsoleBuffer;
import org.resetdesk.job.JobService;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.job.Watchdog;
import org.resetdesk.recorder.VirtualRecorder;
import org.resetdesk.sadp.SadpClient;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import org.resetdesk.store.H2StaffDirectory;
import org.resetdesk.store.Retention;
import org.resetdesk.store.RetentionSchedule;
import org.resetdesk.store.StoreException;
import org.resetdesk.support.SupportModule;
import org.resetdesk.ui.KioskApp;
import org.resetdesk.ui.KioskContext;
import org.resetdesk.ui.KioskServices;
import org.resetdesk.ui.KioskSettings;

/**
 * Composes the kiosk: store, SADP client on the dedicated port (in training: an in-process virtual recorder on
 * loopback), the job engine and its watchdog, the serial console watch when configured, aftercare over ISAPI, the
 * support hand-off and receipts, then the UI. {@link #start} blocks until the kiosk is left with a manager PIN;
 * {@link #compose} builds the same parts without showing anything (tests drive the real composition with it).
 */
public final class KioskStarter {
    /** Training sign-in: shown on the training sign-in screen, never created on a real station. */
    static final String TRAINING_STAFF = "trainee";
    static final String TRAINING_MANAGER = "manager";
    public static final String TRAINING_STAFF_PIN = "1111";
    public static final String TRAINING_MANAGER_PIN = "2222";
    /** The first retention purge waits a few minutes: start-up (and any crash-recovery compaction) goes first. */
    static final Duration RETENTION_FIRST_RUN = Duration.ofMinutes(5);
    /** The first daily-summary check (yesterday's, or days missed while the station was off) follows start-up. */
    static final Duration SUMMARY_FIRST_CHECK = Duration.ofMinutes(10);

    /**
     * A composed kiosk: the UI's context, and what to close (in reverse order) when the kiosk is left.
     *
     * @param recorder the in-process training recorder, or null on a real station
     */
    public record Composition(KioskContext context, List<AutoCloseable> closeables, VirtualRecorder recorder)
            implements AutoCloseable {
        @Override
        public void close() {
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (Exception ignored) {
                    // shutting down
                }
            }
        }
    }

    private KioskStarter() {}

    static Integer start() {
        KioskConfig config = HeadlessContext.config(CliSupport.root);
        Composition c;
        try {
            c = compose(config);
        } catch (IOException e) {
            throw new CommandFailed("the kiosk cannot start: " + e.getMessage());
        } catch (StoreException e) {
            throw new CommandFailed(e.getMessage());
        }
        try (c) {
            return KioskApp.start(c.context());
        }
    }

    /** Builds every part of the kiosk without showing it; on failure whatever was opened is closed again. */
    public static Composition compose(KioskConfig config) throws IOException {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            return compose(config, open);
        } catch (IOException | RuntimeException | Error e) {
            new Composition(null, open, null).close();
            throw e;
        }
    }

    private static Composition compose(KioskConfig config, List<AutoCloseable> open) throws IOException {
        ShiftableClock clock = new ShiftableClock(Clock.systemUTC());
        H2Database db = H2Database.open(config.dbPath(), H2Database.Options.createIfMissing(), clock);
        open.add(db::close);
        H2JobRepository repo = new H2JobRepository(db);
        StaffDirectory staff = new H2StaffDirectory(db, clock);
        FileArtifacts artifacts = new FileArtifacts(config.dataDir());
        Path handoff = config.handoffFolder() != null ? config.handoffFolder() : config.dataDir().resolve("handoff");
        Files.createDirectories(handoff);

        TrainingRecorder trainer = null;
        SadpClient link;
        if (config.training()) {
            trainer = TrainingRecorder.start(clock, repo, config.dataDir(), handoff);
            open.add(trainer);
            link = new SadpClient("lo", trainer.sadpPort(), Duration.ofSeconds(10));
            seedTrainingStaff(staff);
        } else {
            link = new SadpClient(config.sadpInterface(), config.sadpPort(), Duration.ofSeconds(10));
        }
        open.add(link);

        ExecutorService io = Executors.newFixedThreadPool(4, daemon("kiosk-io"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("watchdog"));
        open.add(io::shutdownNow);
        open.add(timers::shutdownNow);
        JobService jobs = new JobService(repo, link, artifacts, clock, io);
        // personal data of finished jobs goes after retention.days without anyone remembering to run `db purge`;
        // each job's purge holds that job's lock, so a note landing at the same moment cannot undo it
        open.add(RetentionSchedule.start(new Retention(repo, artifacts, jobs::exclusively), config.retentionDays(),
                clock, RETENTION_FIRST_RUN, Duration.ofHours(24)));
        Watchdog dog = new Watchdog(jobs, link, clock, timers, Duration.ofSeconds(1)).start();
        open.add(dog);
        ConsoleBuffer console = config.consolePort() == null || config.consolePort().isBlank() ? null
                : new ConsoleBuffer();
        open.add(ConsoleWatch.startIfConfigured(config, jobs, clock, console));

        // the outbox sender, the reply folder watch and the mailbox poll run for as long as the kiosk does
        SupportModule support = SupportWiring.module(config, repo, jobs, artifacts).start();
        open.add(support);
        // "your recorder is ready" for customers who agreed at intake; the manager's summary of each finished day
        jobs.addListener(support.readyNotifications());
        support.startDailySummary(SUMMARY_FIRST_CHECK, Duration.ofHours(1));
        KioskServices services = new KioskServices(
                KioskAftercare.over(link, config.sadpInterface(), config.training(), jobs, clock, io),
                new KioskPaperwork(config, support, repo, jobs, artifacts, handoff, io), console,
                config.training() ? TRAINING_STAFF_PIN : null, config.training() ? TRAINING_MANAGER_PIN : null);
        KioskSettings settings = KioskSettings.from(config, usbRoots());
        KioskContext ctx = new KioskContext(jobs, staff, clock, io, config.training(), trainer, settings, services);
        return new Composition(ctx, List.copyOf(open), trainer == null ? null : trainer.recorder());
    }

    private static void seedTrainingStaff(StaffDirectory staff) {
        if (staff.find(TRAINING_STAFF).isEmpty()) {
            staff.add(TRAINING_STAFF, "Trainee", TRAINING_STAFF_PIN.toCharArray(), StaffDirectory.Role.STAFF);
        }
        if (staff.find(TRAINING_MANAGER).isEmpty()) {
            staff.add(TRAINING_MANAGER, "Training manager", TRAINING_MANAGER_PIN.toCharArray(),
                    StaffDirectory.Role.MANAGER);
        }
    }

    private static List<Path> usbRoots() {
        List<Path> roots = new ArrayList<>();
        for (String base : List.of("/media", "/run/media")) {
            Path p = Path.of(base);
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        return roots;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
