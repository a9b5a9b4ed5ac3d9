package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JTextArea;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.console.ConsoleBuffer;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.ui.testkit.TestStation;

/**
 * The waiting screen's live console and the aftercare screen's answer to a locked recorder, on the fake-based station
 * with a console buffer and a scripted aftercare service (the real service is driven by {@link RealKioskTest}).
 */
@Tag("gui")
class AftercareScreenTest {
    @TempDir
    Path dir;

    @Test
    void consoleLinesShowWhileWaitingAndALockedRecorderStopsAftercare() throws Exception {
        ConsoleBuffer console = new ConsoleBuffer();
        AtomicReference<char[]> given = new AtomicReference<>();
        AtomicReference<Aftercare.Options> options = new AtomicReference<>();
        AftercareService locked = (job, password, opts) -> {
            given.set(password);
            options.set(opts);
            String typed = new String(password);
            return CompletableFuture.supplyAsync(() -> new AftercareReport(job.id(), Instant.now(), "http", null,
                    false, "wrong password (" + typed.length() + " chars)", 0, 1800, null, null, null, null, null,
                    null, null, List.of(), null, null, null, List.of(), null, null, null, null, null, false,
                    List.of()));
        };
        TestStation station = new TestStation(dir, Locale.ENGLISH);
        try (KioskDriver k = KioskDriver.with(station, new KioskServices(locked, null, console, null, null), true)) {
            KioskFlowTest.toWaiting(k, false);
            k.waitUntil(() -> k.labelText("waiting.guard").contains("answering"));
            assertThat(k.showing("signin.trainingHint")).isFalse();
            console.appendLine("U-Boot 2016.07 (Nov 25 2026) booting");
            k.waitUntil(() -> k.onEdt(() -> ((JTextArea) Ui.find(k.frame.getRootPane(), "console.text")).getText())
                    .contains("U-Boot 2016.07"));
            k.shot("30-waiting-console");
            k.click("header.trainer");
            k.click("trainer.reply");
            k.waitUntil(() -> k.onEdt(() -> ((JComponent) Ui.find(k.frame.getRootPane(), "trainer.result"))
                    .getClientProperty("key") != null));
            String key = k.onEdt(() -> (String) ((JComponent) Ui.find(k.frame.getRootPane(), "trainer.result"))
                    .getClientProperty("key"));
            k.click("header.trainer");
            k.click("waiting.import");
            k.waitForScreen("import");
            k.type("import.key", key);
            k.click("import.next");
            KioskFlowTest.typePassword(k, KioskFlowTest.PASSWORD);
            k.click("password.set");
            k.waitForScreen("done");
            k.click("done.aftercare");
            k.waitForScreen("aftercare");
            k.toggle("aftercare.unbind");
            k.type("aftercare.password", KioskFlowTest.PASSWORD);
            k.click("aftercare.run");
            k.waitUntil(() -> k.labelText("aftercare.problem").contains("30 min"));
            assertThat(k.window.button("aftercare.run").target().isEnabled()).as("no retry while locked").isFalse();
            assertThat(k.labelText("aftercare.row.verified")).contains("Not accepted")
                    .contains(KioskFlowTest.PASSWORD.length() + " chars");
            assertThat(k.showing("aftercare.row.overwrite")).as("nothing after the failed login").isFalse();
            assertThat(options.get()).isEqualTo(new Aftercare.Options(true, false, null));
            assertThat(new String(given.get())).as("the screen wiped its copy after handing it over")
                    .isEqualTo("\0".repeat(KioskFlowTest.PASSWORD.length()));
            k.shot("31-aftercare-locked");
        }
    }
}
