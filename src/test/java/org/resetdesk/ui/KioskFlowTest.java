package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("gui")
class KioskFlowTest {
    @TempDir
    Path dir;

    @Test
    void signsInAndShowsTheBoard() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, true)) {
            k.shot("01-attract");
            k.signIn("ann", "1234");
            k.waitForScreen("board");
            k.shot("03-board-empty");
            assertThat(k.labelText("header.staff")).isEqualTo("Ann Becker");
        }
    }
}
