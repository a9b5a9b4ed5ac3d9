package org.resetdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScanTest {
    private static final char[] SECRET = "Kx9#pass-word".toCharArray();

    @TempDir
    Path dir;

    @Test
    void findsTheSecretInEveryEncodingAndInsideArchives() throws IOException {
        Files.write(dir.resolve("utf8.log"), ("line one\nuser set " + new String(SECRET) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("utf16le.bin"), new String(SECRET).getBytes(StandardCharsets.UTF_16LE));
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/utf16be.bin"), new String(SECRET).getBytes(StandardCharsets.UTF_16BE));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("backup.zip")))) {
            zip.putNextEntry(new ZipEntry("db.mv.db"));
            zip.write(("padding" + new String(SECRET)).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("old.log.gz")))) {
            out.write(new String(SECRET).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("clean.txt"), "nothing to see: Kx9#pass-wor d");

        var hits = SecretScan.find(SECRET, dir);

        assertThat(hits).extracting(SecretScan.Hit::toString).containsExactlyInAnyOrder(
                dir.resolve("utf8.log") + " (UTF-8)",
                dir.resolve("utf16le.bin") + " (UTF-16LE)",
                dir.resolve("sub/utf16be.bin") + " (UTF-16BE)",
                dir.resolve("backup.zip") + "!db.mv.db (UTF-8)",
                dir.resolve("old.log.gz") + "!gunzip (UTF-8)");
        assertThatThrownBy(() -> SecretScan.assertAbsent(SECRET, dir))
                .isInstanceOf(AssertionError.class).hasMessageContaining("utf8.log").hasMessageContaining("5 place(s)");
    }

    @Test
    void passesWhenTheSecretIsAbsent() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Kx9#pass-wor and d");
        SecretScan.assertAbsent(SECRET, dir, dir.resolve("missing"));
        assertThat(SecretScan.find(SECRET, dir)).isEmpty();
    }
}
