package org.resetdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.resetdesk.cli.CliContext;
import org.resetdesk.cli.CliSupport;
import org.resetdesk.cli.CommandFailed;
import org.resetdesk.cli.RootCommand;
import org.resetdesk.config.ConfigException;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.JobRepository;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.sadp.SadpClient;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import org.resetdesk.store.H2StaffDirectory;
import org.resetdesk.store.StoreException;

/**
 * What a headless command runs on: the configuration from the global options, the H2 store (opened on first use)
 * and the SADP client on the dedicated port (opened only when a command talks to a recorder).
 */
final class HeadlessContext implements CliContext {
    private final KioskConfig config;
    private final Clock clock;
    private final List<AutoCloseable> open = new ArrayList<>();
    private H2Database db;
    private H2JobRepository jobs;
    private H2StaffDirectory staff;
    private FileArtifacts artifacts;

    HeadlessContext(KioskConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    static KioskConfig config(RootCommand root) {
        try {
            Path throwaway = (root.config == null || root.training) && (root.db == null || root.dataDir == null)
                    ? Files.createTempDirectory("resetdesk-training-") : Path.of("unused");
            return KioskConfig.load(root.config, root.training, System.getenv(), throwaway)
                    .withStorage(root.db, root.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new CommandFailed(e.getMessage());
        }
    }

    static HeadlessContext from(RootCommand root) {
        return new HeadlessContext(config(root), Clock.systemUTC());
    }

    @Override
    public KioskConfig config() {
        return config;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    private synchronized H2Database db() {
        if (db == null) {
            try {
                boolean create = config.training() || CliSupport.mayCreateStore;
                db = H2Database.open(config.dbPath(), create ? H2Database.Options.createIfMissing()
                        : H2Database.Options.existing(), clock);
            } catch (StoreException e) {
                throw new CommandFailed(e.getMessage());
            }
        }
        return db;
    }

    @Override
    public synchronized JobRepository jobs() {
        if (jobs == null) {
            jobs = new H2JobRepository(db());
        }
        return jobs;
    }

    @Override
    public synchronized StaffDirectory staff() {
        if (staff == null) {
            staff = new H2StaffDirectory(db(), clock);
        }
        return staff;
    }

    @Override
    public synchronized Artifacts artifacts() {
        if (artifacts == null) {
            artifacts = new FileArtifacts(config.dataDir());
        }
        return artifacts;
    }

    @Override
    public synchronized RecorderLink link(String interfaceName) {
        String iface = interfaceName != null ? interfaceName : config.sadpInterface();
        try {
            SadpClient c = new SadpClient(iface, config.sadpPort(), Duration.ofSeconds(10));
            open.add(c);
            return c;
        } catch (IOException e) {
            throw new CommandFailed(e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing best effort: the process is ending
            }
        }
        open.clear();
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
