package org.resetdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks made on the database files before H2 touches them, so that a wrong path, a foreign or legacy file or a
 * full disk is refused with a clear message instead of H2 silently creating a new empty database beside it.
 */
final class DatabaseFiles {
    static final String MV_SUFFIX = ".mv.db";
    private static final byte[] MV_MAGIC = "H:2,".getBytes(StandardCharsets.ISO_8859_1);

    private DatabaseFiles() {}

    /** The H2 base path (without {@code .mv.db}), absolute, refused when H2's URL syntax could not carry it. */
    static Path base(Path given) {
        Path abs = given.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString();
        if (name.endsWith(MV_SUFFIX)) {
            abs = abs.resolveSibling(name.substring(0, name.length() - MV_SUFFIX.length()));
            name = abs.getFileName().toString();
        }
        if (name.isBlank() || abs.toString().contains(";") || abs.getParent() == null) {
            throw new StoreException("unusable database path " + given + " (needs a file name, and no ';')");
        }
        return abs;
    }

    static Path mvFile(Path base) {
        return base.resolveSibling(base.getFileName() + MV_SUFFIX);
    }

    /**
     * @return true when the database file already exists (an existing database will be opened)
     * @throws StoreException naming the path when the files cannot be used
     */
    static boolean check(Path base, boolean mustExist, long minFreeBytes) {
        Path dir = base.getParent();
        Path file = mvFile(base);
        Path legacy = base.resolveSibling(base.getFileName() + ".h2.db");
        if (Files.exists(legacy)) {
            throw new StoreException("cannot open " + legacy + ": it is an H2 1.x database; convert it with the old H2"
                    + " version (SCRIPT TO) and import it (RUNSCRIPT) before starting");
        }
        boolean exists = Files.exists(file);
        if (exists) {
            checkHeader(file);
        } else if (mustExist) {
            throw new StoreException("no database at " + file + " (check db.path or --db)");
        } else {
            List<String> others = otherDatabases(dir);
            if (!others.isEmpty()) {
                throw new StoreException("refusing to create a new empty database " + file + ": the folder already"
                        + " holds " + String.join(", ", others) + " (check db.path or --db)");
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StoreException("cannot create the database folder " + dir + ": " + e.getMessage(), e);
            }
        }
        checkFreeSpace(dir, minFreeBytes);
        return exists;
    }

    private static void checkHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("cannot open " + file + ": it is not a regular file");
        }
        byte[] head = new byte[MV_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n < head.length || !java.util.Arrays.equals(head, MV_MAGIC)) {
            throw new StoreException("cannot open " + file + ": it is not an H2 database file (empty, damaged or"
                    + " foreign); restore a backup or move it away");
        }
    }

    /** True when the first file header says H2 closed the file cleanly ({@code clean:1}). */
    static boolean cleanlyClosed(Path file) {
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        String header = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int nl = header.indexOf('\n');
        return (nl < 0 ? header : header.substring(0, nl)).contains(",clean:1,");
    }

    private static List<String> otherDatabases(Path dir) {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> {
                        String l = n.toLowerCase(Locale.ROOT);
                        return l.endsWith(MV_SUFFIX) || l.endsWith(".h2.db");
                    })
                    .sorted()
                    .forEach(found::add);
        } catch (IOException e) {
            throw new StoreException("cannot list the database folder " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }

    static void checkFreeSpace(Path dir, long minFreeBytes) {
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new StoreException("cannot check free space at " + dir + ": " + e.getMessage(), e);
        }
        if (free < minFreeBytes) {
            throw new StoreException("disk full: only " + free / 1024 + " KiB free at " + dir + " (the store needs at"
                    + " least " + minFreeBytes / 1024 + " KiB); free some space before starting");
        }
    }
}
