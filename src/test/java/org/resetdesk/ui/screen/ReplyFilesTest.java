package org.resetdesk.ui.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.SerialNumbers;

/** The reply files the import screen offers: small replies, newest first, never the kiosk's own exported request. */
class ReplyFilesTest {
    @TempDir
    Path dir;

    @Test
    void ownRequestsBigFilesAndPicturesAreNotOffered() throws Exception {
        String serial = "DS-7608NI-K2/8P0820200101CCRRE12345678";
        String safe = SerialNumbers.fileSafe(serial);
        assertThat(safe).isEqualTo("DS-7608NI-K2_8P0820200101CCRRE12345678");
        Path stick = Files.createDirectories(dir.resolve("stick"));
        Files.writeString(dir.resolve(safe + "-202611251201-attempt1.xml"), "<request/>");
        Files.writeString(dir.resolve(safe + "-202611251201.xml"), "<request/>");
        Path older = Files.writeString(dir.resolve("Encrypt_123456789_o2.xml"), "<reply/>");
        Path newer = Files.writeString(stick.resolve("key.txt"), "ABCD2345");
        Files.write(dir.resolve("huge.xml"), new byte[70 * 1024]);
        Files.writeString(dir.resolve("label.jpg"), "x");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(1_000_000_060_000L));

        List<Path> offered = ImportScreen.replyFiles(List.of(dir, stick, dir.resolve("unplugged")), safe);
        assertThat(offered).containsExactly(newer, older);
    }
}
