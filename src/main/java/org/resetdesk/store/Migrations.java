package org.resetdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings the schema up to date with the Flyway migrations under {@code db/migration}. Before a pending migration is
 * applied to a database that already holds tables, the whole database is copied with {@code BACKUP TO} into
 * {@code <name>-backups/} beside it. A database whose schema is newer than this build, or whose last migration
 * failed, is refused.
 */
final class Migrations {
    static final String LOCATION = "classpath:db/migration";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Migrations() {}

    /** @return the backup written, or null when none was needed */
    static Path apply(Connection c, String url, String user, Path base, Clock clock) {
        Path file = DatabaseFiles.mvFile(base);
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, "")
                .locations(LOCATION)
                .cleanDisabled(true)
                .loggers(FlywayWarnings.class.getName())
                .load();
        try {
            var info = flyway.info();
            for (MigrationInfo m : info.all()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    throw new StoreException("cannot open " + file + ": its schema (version " + m.getVersion()
                            + ") is newer than this ResetDesk build supports; use the newer build");
                }
                if (m.getState() == MigrationState.FAILED) {
                    throw new StoreException("cannot open " + file + ": schema update " + m.getVersion()
                            + " failed earlier; restore the backup in " + backupDir(base));
                }
            }
            MigrationInfo[] pending = info.pending();
            if (pending.length == 0) {
                return null;
            }
            Path backup = hasTables(c) ? backup(c, base, "V" + pending[0].getVersion(), clock) : null;
            flyway.migrate();
            return backup;
        } catch (FlywayException e) {
            throw new StoreException("cannot open " + file + ": schema check failed: " + H2Errors.firstLine(e), e);
        } catch (SQLException e) {
            throw H2Errors.during("back up the database before a schema update", e, file);
        }
    }

    static Path backupDir(Path base) {
        return base.resolveSibling(base.getFileName() + "-backups");
    }

    private static boolean hasTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static Path backup(Connection c, Path base, String before, Clock clock) throws SQLException {
        Path dir = backupDir(base);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the backup folder " + dir + ": " + e.getMessage(), e);
        }
        Path zip = dir.resolve(base.getFileName() + "-" + STAMP.format(clock.instant()) + "-before-" + before + ".zip");
        try (Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        }
        return zip;
    }
}
