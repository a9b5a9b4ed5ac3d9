package org.resetdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DatabaseTest {
    @TempDir
    Path dir;

    private Path base() {
        return dir.resolve("db").resolve("kiosk");
    }

    @Test
    void createsMigratesAndReopensAnExistingDatabase() {
        try (H2Database db = H2Database.open(base(), H2Database.Options.createIfMissing())) {
            assertThat(db.url()).contains(";WRITE_DELAY=0", ";AUTO_SERVER=TRUE").doesNotContain("IFEXISTS");
            assertThat(db.file()).isEqualTo(dir.resolve("db/kiosk.mv.db"));
            assertThat(db.backupTaken()).isNull();
            assertThat(schemaVersion(db)).isEqualTo("2");
        }
        try (H2Database db = H2Database.open(dir.resolve("db/kiosk.mv.db"), H2Database.Options.existing())) {
            assertThat(db.url()).contains(";IFEXISTS=TRUE");
            assertThat(db.backupTaken()).isNull();
            assertThat(schemaVersion(db)).isEqualTo("2");
        }
    }

    @Test
    void refusesAMissingDatabaseThatMustExistAndCreatesNothing() {
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.existing()))
                .isInstanceOf(StoreException.class)
                .hasMessage("no database at " + dir.resolve("db/kiosk.mv.db") + " (check db.path or --db)");
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void neverCreatesANewEmptyDatabaseBesideAnotherOne() throws IOException {
        try (H2Database db = H2Database.open(dir.resolve("db/shop"), H2Database.Options.createIfMissing())) {
            assertThat(db.file()).exists();
        }
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.createIfMissing()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("refusing to create a new empty database " + dir.resolve("db/kiosk.mv.db"))
                .hasMessageContaining("shop.mv.db");
        assertThat(dir.resolve("db/kiosk.mv.db")).doesNotExist();
    }

    @Test
    void refusesALegacyH2File() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.write(dir.resolve("db/kiosk.h2.db"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.createIfMissing()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(dir.resolve("db/kiosk.h2.db") + ": it is an H2 1.x database");
        assertThat(dir.resolve("db/kiosk.mv.db")).doesNotExist();
    }

    @Test
    void refusesAForeignFileAndLeavesItUntouched() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Path file = dir.resolve("db/kiosk.mv.db");
        Files.writeString(file, "name,contact\nAnn,555\n");
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.createIfMissing()))
                .isInstanceOf(StoreException.class)
                .hasMessage("cannot open " + file + ": it is not an H2 database file (empty, damaged or foreign);"
                        + " restore a backup or move it away");
        assertThat(Files.readString(file)).isEqualTo("name,contact\nAnn,555\n");
    }

    @Test
    void refusesAFileWrittenByAnIncompatibleH2Version() throws IOException {
        H2Database.open(base(), H2Database.Options.createIfMissing()).close();
        Path file = dir.resolve("db/kiosk.mv.db");
        rewriteFormat(file, 2); // the format H2 2.1.214 and older wrote
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.createIfMissing()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open " + file + ": it was written by an incompatible H2 version");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesADamagedFile() throws IOException {
        H2Database.open(base(), H2Database.Options.createIfMissing()).close();
        Path file = dir.resolve("db/kiosk.mv.db");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.existing()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open " + file + ": the file is damaged or unreadable");
        assertThat(Files.size(file)).isEqualTo(100);
    }

    @Test
    void refusesADatabaseHeldByAProgramThatDoesNotShareIt() throws Exception {
        H2Database.open(base(), H2Database.Options.createIfMissing()).close();
        try (ChildJvm other = ChildJvm.start(dir.resolve("plain.err"), KioskProcess.class, "plain", base().toString())) {
            other.await("held"::equals, ChildJvm.timeout());
            assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.existing()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot open " + dir.resolve("db/kiosk.mv.db")
                            + ": it is locked by another program that does not share it");
            other.send("done");
        }
    }

    @Test
    void backsUpAnExistingDatabaseBeforeApplyingPendingMigrations() throws IOException {
        Files.createDirectories(base().getParent());
        String url = H2Database.url(base(), H2Database.Options.createIfMissing());
        Flyway.configure().dataSource(url, H2Database.USER, "").locations(Migrations.LOCATION).target("1").load().migrate();

        try (H2Database db = H2Database.open(base(), H2Database.Options.existing())) {
            assertThat(schemaVersion(db)).isEqualTo("2");
            Path backup = db.backupTaken();
            assertThat(backup).isNotNull().exists();
            assertThat(backup.getParent()).isEqualTo(dir.resolve("db/kiosk-backups"));
            assertThat(backup.getFileName().toString()).startsWith("kiosk-").endsWith("-before-V2.zip");
            List<String> entries = new ArrayList<>();
            byte[] head = null;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries.add(e.getName());
                    if (e.getName().endsWith(".mv.db")) {
                        head = zip.readNBytes(4);
                    }
                }
            }
            assertThat(entries).contains("kiosk.mv.db");
            assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("H:2,");
        }
        try (H2Database db = H2Database.open(base(), H2Database.Options.existing())) {
            assertThat(db.backupTaken()).as("nothing pending: no new backup").isNull();
        }
    }

    @Test
    void refusesADatabaseWhoseSchemaIsNewerThanThisBuild() {
        try (H2Database db = H2Database.open(base(), H2Database.Options.createIfMissing())) {
            db.read("add a future migration", c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                            + " \"success\") VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 1, TRUE)");
                }
            });
        }
        assertThatThrownBy(() -> H2Database.open(base(), H2Database.Options.existing()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("its schema (version 99) is newer than this ResetDesk build supports");
    }

    @Test
    void refusesAPathH2CannotCarry() {
        assertThatThrownBy(() -> H2Database.open(dir.resolve("a;b"), H2Database.Options.createIfMissing()))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("unusable database path");
    }

    static String schemaVersion(H2Database db) {
        return db.read("read the schema version", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\""
                         + " WHERE \"success\"")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /** Rewrites the format field of both MVStore file headers, with a valid checksum (what an older H2 writes). */
    static void rewriteFormat(Path file, int format) throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (int off : new int[] {0, 4096}) {
            int end = off;
            while (all[end] != '\n') {
                end++;
            }
            String header = new String(all, off, end - off, StandardCharsets.ISO_8859_1);
            String body = header.substring(0, header.lastIndexOf(",fletcher:")).replaceAll("format:\\d+", "format:" + format);
            byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
            String rewritten = body + ",fletcher:" + Integer.toHexString(DataUtils.getFletcher32(b, 0, b.length));
            assertThat(rewritten).hasSameSizeAs(header);
            System.arraycopy(rewritten.getBytes(StandardCharsets.ISO_8859_1), 0, all, off, rewritten.length());
        }
        Files.write(file, all);
    }
}
