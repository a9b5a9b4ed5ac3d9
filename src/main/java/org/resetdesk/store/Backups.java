package org.resetdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Online backups of the running database ({@code BACKUP TO}, consistent while the kiosk keeps working), one zip per
 * run in {@code <db>-backups/}, keeping the newest N generations.
 */
public final class Backups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String PREFIX = "nightly-";

    private final H2Database db;
    private final Clock clock;

    public Backups(H2Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Path directory() {
        return db.base().resolveSibling(db.base().getFileName() + "-backups");
    }

    /** Takes one backup and removes the oldest beyond {@code keep}. Returns the new zip. */
    public Path backup(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        Path dir = directory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Path zip = dir.resolve(PREFIX + STAMP.format(clock.instant()) + ".zip");
        db.read("backup", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
            }
            return null;
        });
        prune(keep);
        return zip;
    }

    /** The nightly generations, oldest first. */
    public List<Path> generations() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void prune(int keep) {
        List<Path> all = generations();
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old backup " + all.get(i), e);
            }
        }
    }
}
