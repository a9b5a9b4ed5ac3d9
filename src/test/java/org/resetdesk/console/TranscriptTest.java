package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {
    private static final Instant T = Instant.parse("2026-11-25T09:00:00.123Z");

    @TempDir
    Path dir;

    @Test
    void writesTimestampedLinesAndMarksToTheJobsFile() throws Exception {
        try (Transcript t = Transcript.open(dir, "J-42/../x")) {
            assertThat(t.path().getParent()).isEqualTo(dir);
            assertThat(t.path().getFileName().toString()).isEqualTo("console-J-42_.._x.log");
            t.onLink(T, true, "listening on /dev/ttyUSB0 at 115200 8N1");
            t.onBoot(T, "U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)");
            t.onLine(T, "U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)");
            t.onFailure(T.plusSeconds(3), "LZMA data is corrupt -- System halted");
            t.onLine(T.plusSeconds(3), "Ünïcødé");
            List<String> lines = Files.readAllLines(t.path(), StandardCharsets.UTF_8);
            assertThat(lines).containsExactly(
                    "2026-11-25T09:00:00.123Z --- console connected: listening on /dev/ttyUSB0 at 115200 8N1",
                    "2026-11-25T09:00:00.123Z --- the recorder restarted (boot seen on its console)",
                    "2026-11-25T09:00:00.123Z U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)",
                    "2026-11-25T09:00:03.123Z --- the recorder is not booting",
                    "2026-11-25T09:00:03.123Z Ünïcødé");
        }
    }

    @Test
    void rotatesAtTheCapAndKeepsAtMostTheConfiguredFiles() throws Exception {
        long cap = 32 * 1024;
        try (Transcript t = Transcript.open(dir, "J-7", cap, 3)) {
            String line = "x".repeat(200);
            for (int i = 0; i < 2000; i++) {
                t.onLine(T.plusMillis(i), i + " " + line);
            }
            List<Path> parts = t.parts();
            assertThat(parts).containsExactly(t.path(), Path.of(t.path() + ".1"), Path.of(t.path() + ".2"));
            try (var files = Files.list(dir)) {
                assertThat(files.count()).isEqualTo(3);
            }
            for (Path p : parts) {
                assertThat(Files.size(p)).isLessThanOrEqualTo(cap);
            }
            List<String> newest = Files.readAllLines(t.path());
            assertThat(newest.get(newest.size() - 1)).contains("1999 " + line);
            List<String> older = Files.readAllLines(Path.of(t.path() + ".1"));
            int lastOlder = Integer.parseInt(older.get(older.size() - 1).split(" ")[1]);
            int firstNewest = Integer.parseInt(newest.get(0).split(" ")[1]);
            assertThat(firstNewest).as("rotation loses no line at the seam").isEqualTo(lastOlder + 1);
        }
    }

    @Test
    void reopeningAppendsAndATooSmallCapIsRefused() throws Exception {
        try (Transcript t = Transcript.open(dir, "J-1")) {
            t.onLine(T, "first");
        }
        try (Transcript t = Transcript.open(dir, "J-1")) {
            t.onLine(T, "second");
            assertThat(Files.readAllLines(t.path())).hasSize(2);
        }
        assertThatThrownBy(() -> Transcript.open(dir, "J-2", 100, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteErrorSilencesTheTranscriptWithoutThrowing() throws Exception {
        Transcript t = Transcript.open(dir, "J-9");
        t.close();
        t.onLine(T, "after close");
        assertThat(Files.readAllLines(t.path())).isEmpty();
    }
}
