package org.resetdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ResetDesk H2 database file, shared by every process on the machine.
 *
 * <p>Opened as {@code jdbc:h2:file:<base>;WRITE_DELAY=0;AUTO_SERVER=TRUE}: the first process owns the file and runs
 * H2's TCP server bound to loopback only ({@code h2.bindAddress=127.0.0.1}, checked before the first connection);
 * later processes (headless commands while the kiosk or {@code job watch} runs) connect through it. Flyway migrations
 * run at open, after a backup of an existing database.
 *
 * <p>Threading: one JDBC connection per process, guarded by a lock; {@link #read} and {@link #inTransaction} may be
 * called from any thread and run one at a time. The kiosk writes at human pace (a few events a second at most), so
 * one connection is plenty, keeps every write of this process in order, and never leaves a pooled connection with
 * an open transaction behind.
 */
public final class H2Database implements AutoCloseable {
    static final String USER = "resetdesk";
    private static final String BIND_PROPERTY = "h2.bindAddress";

    static {
        if (System.getProperty(BIND_PROPERTY) == null) {
            System.setProperty(BIND_PROPERTY, "127.0.0.1");
        }
    }

    /**
     * @param mustExist refuse when the database file does not exist yet (H2 {@code IFEXISTS})
     * @param autoServerPort loopback port for H2's shared-access server; 0 lets H2 pick a free one (it records the
     *     port in the lock file, where the other processes find it)
     * @param minFreeBytes refuse to start with less free disk space than this
     */
    public record Options(boolean mustExist, int autoServerPort, long minFreeBytes) {
        public static final long DEFAULT_MIN_FREE = 16L * 1024 * 1024;

        public static Options createIfMissing() {
            return new Options(false, 0, DEFAULT_MIN_FREE);
        }

        public static Options existing() {
            return new Options(true, 0, DEFAULT_MIN_FREE);
        }
    }

    private final Path base;
    private final Path file;
    private final String url;
    private Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Path backup;

    private H2Database(Path base, String url, Connection connection, Path backup) {
        this.base = base;
        this.file = DatabaseFiles.mvFile(base);
        this.url = url;
        this.connection = connection;
        this.backup = backup;
    }

    /** Opens (or, unless {@code mustExist}, creates) the database at {@code basePath} and migrates it. */
    public static H2Database open(Path basePath, Options options) {
        return open(basePath, options, Clock.systemUTC());
    }

    public static H2Database open(Path basePath, Options options, Clock clock) {
        Path base = DatabaseFiles.base(basePath);
        Path file = DatabaseFiles.mvFile(base);
        boolean existed = DatabaseFiles.check(base, options.mustExist(), options.minFreeBytes());
        H2Connections.requireLoopbackBinding();
        String url = url(base, options);
        boolean crashed = existed && !DatabaseFiles.cleanlyClosed(file);
        Connection c = H2Connections.connect(url, file);
        if (crashed) {
            c = H2Connections.rewriteAfterCrash(c, url, file);
        }
        try {
            Path backup = Migrations.apply(c, url, USER, base, clock);
            return new H2Database(base, url, c, backup);
        } catch (RuntimeException e) {
            H2Connections.closeQuietly(c);
            throw e;
        }
    }

    static String url(Path base, Options o) {
        StringBuilder u = new StringBuilder("jdbc:h2:file:").append(base)
                .append(";WRITE_DELAY=0;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
        if (o.autoServerPort() > 0) {
            u.append(";AUTO_SERVER_PORT=").append(o.autoServerPort());
        }
        if (o.mustExist()) {
            u.append(";IFEXISTS=TRUE");
        }
        return u.toString();
    }

    /**
     * Runs {@code work} in autocommit mode (reads, single statements). When the process that served the database
     * has ended (H2 mixed mode), this process reconnects, becoming the new owner, and runs {@code work} once more.
     */
    public <T> T read(String what, SqlWork<T> work) {
        lock.lock();
        try {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                if (!serverGone(e)) {
                    throw e;
                }
                reconnect();
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw H2Errors.during(what, e, file);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. If the serving
     * process ended before the commit was sent, nothing was committed: this process reconnects and runs the whole
     * transaction once more. A failure during the commit itself is reported, never retried.
     */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        lock.lock();
        try {
            try {
                return transaction(work);
            } catch (BeforeCommit e) {
                if (!serverGone(e.cause)) {
                    throw e.cause;
                }
                reconnect();
                try {
                    return transaction(work);
                } catch (BeforeCommit again) {
                    throw again.cause;
                }
            }
        } catch (SQLException e) {
            throw H2Errors.during(what, e, file);
        } finally {
            lock.unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) throws SQLException, BeforeCommit {
        T result;
        try {
            connection.setAutoCommit(false);
            result = work.run(connection);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new BeforeCommit(e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        try {
            connection.commit();
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // a broken connection: the commit's own outcome is what the caller sees
            }
        }
        return result;
    }

    /** A failure before the commit was sent: nothing of the transaction is in the database. */
    private static final class BeforeCommit extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SQLException cause;

        BeforeCommit(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** The database was closed under this connection: its serving process ended (or the link to it broke). */
    private static boolean serverGone(SQLException e) {
        int code = e.getErrorCode();
        return code == 90121 || code == 90067 || code == 90098;
    }

    private void reconnect() {
        H2Connections.closeQuietly(connection);
        connection = H2Connections.connect(url, file);
    }

    /** Forces everything committed so far onto the disk ({@code CHECKPOINT SYNC}: fsync of the database file). */
    public void checkpointSync() {
        checkpoint(true);
    }

    /**
     * Writes everything committed so far into the database file: {@code CHECKPOINT} (into the OS cache, which
     * survives a killed process) or, with {@code sync}, {@code CHECKPOINT SYNC} (fsync: survives a power cut).
     */
    public void checkpoint(boolean sync) {
        read(sync ? "sync the database to disk" : "write the database file", c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sync ? "CHECKPOINT SYNC" : "CHECKPOINT");
            }
            return null;
        });
    }

    public Path file() {
        return file;
    }

    public Path base() {
        return base;
    }

    public String url() {
        return url;
    }

    /** The backup taken before migrations at open, or null when none was needed. */
    public Path backupTaken() {
        return backup;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw H2Errors.during("close the database", e, file);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }
}
