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
import org.resetdesk.job.JobService;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.job.Watchdog;
import org.resetdesk.sadp.SadpClient;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import org.resetdesk.store.H2StaffDirectory;
import org.resetdesk.store.StoreException;
import org.resetdesk.ui.KioskApp;
import org.resetdesk.ui.KioskContext;
import org.resetdesk.ui.KioskSettings;

/**
 * Composes the kiosk: store, SADP client on the dedicated port (in training: an in-process virtual recorder on
 * loopback), the job engine and its watchdog, the serial console watch when configured, then the UI. Blocks until
 * the kiosk is left with a manager PIN.
 */
final class KioskStarter {
    /** Training sign-in: shown on the training banner, never created on a real station. */
    static final String TRAINING_STAFF = "trainee";
    static final String TRAINING_MANAGER = "manager";

    private KioskStarter() {}

    static Integer start() {
        KioskConfig config = HeadlessContext.config(CliSupport.root);
        List<AutoCloseable> open = new ArrayList<>();
        try {
            return run(config, open);
        } catch (IOException e) {
            throw new CommandFailed("the kiosk cannot start: " + e.getMessage());
        } catch (StoreException e) {
            throw new CommandFailed(e.getMessage());
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception ignored) {
                    // shutting down
                }
            }
        }
    }

    private static Integer run(KioskConfig config, List<AutoCloseable> open) throws IOException {
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
        Watchdog dog = new Watchdog(jobs, link, clock, timers, Duration.ofSeconds(1)).start();
        open.add(dog);
        open.add(ConsoleWatch.startIfConfigured(config, jobs, clock));

        KioskSettings settings = KioskSettings.from(config, usbRoots());
        return KioskApp.start(new KioskContext(jobs, staff, clock, io, config.training(), trainer, settings));
    }

    private static void seedTrainingStaff(StaffDirectory staff) {
        if (staff.find(TRAINING_STAFF).isEmpty()) {
            staff.add(TRAINING_STAFF, "Trainee", "1111".toCharArray(), StaffDirectory.Role.STAFF);
        }
        if (staff.find(TRAINING_MANAGER).isEmpty()) {
            staff.add(TRAINING_MANAGER, "Training manager", "2222".toCharArray(), StaffDirectory.Role.MANAGER);
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
