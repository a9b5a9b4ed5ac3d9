package org.resetdesk.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opening JDBC connections to the H2 file: loopback-only server check, connect, and the rewrite after a crash. */
final class H2Connections {
    private H2Connections() {}

    /** H2 reads {@code h2.bindAddress} once; refuse to run its server if it could listen beyond loopback. */
    static void requireLoopbackBinding() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bound != null && InetAddress.getByName(bound).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new StoreException("the database server would listen on " + (bound == null ? "all addresses" : bound)
                    + "; start the JVM with -Dh2.bindAddress=127.0.0.1");
        }
    }

    /**
     * Connects; when another process is opening the same file at this very moment (its lock file is fresh, or it is
     * still starting the mixed-mode server), waits briefly and tries again, for up to about 30 s.
     */
    static Connection connect(String url, Path file) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        long pause = 50;
        while (true) {
            try {
                return DriverManager.getConnection(url, H2Database.USER, "");
            } catch (SQLException e) {
                if (!openRace(e) || System.nanoTime() > deadline) {
                    throw H2Errors.opening(e, file);
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(pause + (long) (Math.random() * pause)));
            pause = Math.min(pause * 2, 500);
        }
    }

    /** H2's signs of two processes opening one file at once, which clear up by themselves. */
    static boolean openRace(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Lock file recently modified") || m.contains("Database may be already in use")
                || m.contains("Concurrent update") || m.contains("Connection refused") && m.contains("server");
    }

    /**
     * After a crash the file may hold chunks the dead process wrote but never linked; a second crash before they are
     * overwritten lost acknowledged commits in DurabilityTest (H2 2.5.252). When this process is the only one on
     * the file, {@code SHUTDOWN COMPACT} rewrites it without them before any new write.
     */
    static Connection rewriteAfterCrash(Connection c, String url, Path file) {
        try (Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            if (rs.getInt(1) > 1) {
                return c;
            }
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            closeQuietly(c);
            throw H2Errors.opening(e, file);
        }
        closeQuietly(c);
        return connect(url, file);
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing, or already closed
        }
    }
}
