package org.resetdesk.store;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns H2's exceptions into one-line {@link StoreException}s that name the file and say what to do. */
final class H2Errors {
    private H2Errors() {}

    static StoreException opening(SQLException e, Path file) {
        String why = firstLine(e);
        if (isDiskFull(e)) {
            return new StoreException("disk full: cannot open " + file + " (" + why + ")", e);
        }
        return switch (e.getErrorCode()) {
            case 90048 -> new StoreException("cannot open " + file + ": it was written by an incompatible H2 version"
                    + " (this build reads H2 2.5 files); convert it with SCRIPT TO and RUNSCRIPT", e);
            case 90020 -> new StoreException("cannot open " + file + ": it is locked by another program that does not"
                    + " share it (another kiosk or an H2 console); close that program first", e);
            case 90028, 90030 -> new StoreException("cannot open " + file + ": the file is damaged or unreadable ("
                    + why + "); restore a backup or salvage it with org.h2.tools.Recover", e);
            case 90013, 90146 -> new StoreException("no database at " + file + " (check db.path or --db)", e);
            case 28000 -> new StoreException("cannot open " + file + ": it belongs to another application (user or"
                    + " password rejected)", e);
            default -> new StoreException("cannot open " + file + ": " + why, e);
        };
    }

    static StoreException during(String what, SQLException e, Path file) {
        if (isDiskFull(e)) {
            return new StoreException("disk full: could not " + what + " in " + file + "; nothing was saved", e);
        }
        return new StoreException("could not " + what + " in " + file + ": " + firstLine(e), e);
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk full"))) {
                return true;
            }
            if (t instanceof SQLException s && s.getErrorCode() == 90100) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }
}
