package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsbSticksTest {
    @TempDir
    Path dir;

    @Test
    void sticksAreTheMountPointsBelowTheMediaFoldersNotTheFoldersThemselves() throws Exception {
        Path base = Files.createDirectories(dir.resolve("media"));
        Path stick = Files.createDirectories(base.resolve("resetdesk/MY STICK"));
        Path elsewhere = Files.createDirectories(dir.resolve("mnt/backup"));
        Path table = Files.writeString(dir.resolve("mounts"), String.join("\n",
                "/dev/sda1 / ext4 rw,relatime 0 0",
                "/dev/sdb1 " + base.resolve("resetdesk").toString() + "/MY\\040STICK vfat rw,uid=1000 0 0",
                "/dev/sdc1 " + elsewhere + " ext4 rw 0 0",
                "/dev/sdd1 " + base.resolve("gone") + " vfat rw 0 0", ""));
        List<Path> mounts = UsbSticks.mountPoints(table);
        assertThat(mounts).contains(stick, elsewhere, Path.of("/"));

        assertThat(UsbSticks.writable(List.of(base), mounts)).as("a configured folder is offered besides its sticks")
                .containsExactly(stick, base);
        assertThat(UsbSticks.writable(List.of(Path.of("/media"), Path.of("/run/media")), mounts))
                .as("the system media folders themselves are never a stick").isEmpty();
        assertThat(UsbSticks.mountPoints(dir.resolve("no-such-table"))).isEmpty();
    }
}
