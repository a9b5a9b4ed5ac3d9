package org.resetdesk.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.store.Backups;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import org.resetdesk.store.Retention;
import org.resetdesk.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code db backup} (nightly, online) and {@code db purge} (retention of customers' personal data). */
@Command(name = "db", description = "database care: backups and retention",
        subcommands = {DbCommand.Backup.class, DbCommand.Purge.class})
public final class DbCommand {

    @Command(name = "backup", description = "online backup of the running database; keeps the newest N")
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--keep", defaultValue = "7")
        int keep;

        @Override
        public Integer call() {
            try (H2Database db = StoreCli.open(spec, true)) {
                Backups b = new Backups(db, Clock.systemUTC());
                var zip = b.backup(keep);
                CliSupport.json(spec.commandLine().getOut(), Map.of("backup", zip.toString(), "generations",
                        b.generations().size()));
                return 0;
            } catch (StoreException | IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new CommandFailed("db backup: " + e.getMessage());
            }
        }
    }

    @Command(name = "purge", description = "remove customers' personal data from jobs finished more than N days ago")
    static final class Purge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--days", description = "default: retention.days of the configuration")
        Integer days;

        @Override
        public Integer call() {
            try (CliContext ctx = CliSupport.context(CliSupport.root);
                 H2Database db = StoreCli.open(spec, true)) {
                int d = days != null ? days : ctx.config().retentionDays();
                int n = new Retention(new H2JobRepository(db), new FileArtifacts(ctx.config().dataDir()))
                        .purge(d, Clock.systemUTC()).size();
                CliSupport.json(spec.commandLine().getOut(), Map.of("purgedJobs", n, "days", d));
                return 0;
            } catch (StoreException e) {
                throw new CommandFailed("db purge: " + e.getMessage());
            }
        }
    }
}
