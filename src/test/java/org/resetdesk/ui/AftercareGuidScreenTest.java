package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.cli.GuidFiles;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.Job;
import org.resetdesk.ui.testkit.TestStation;

/**
 * The aftercare screen's "Save a GUID file to USB stick": a wrong password shows the tries left and allows another
 * try; the right one writes the file to the stick off the event thread and names it. The service is scripted (the
 * SADP side runs against the real recorder in SadpClientVirtualRecorderTest and JobAftercareGuidCliTest).
 */
@Tag("gui")
class AftercareGuidScreenTest {
    @TempDir
    Path dir;

    /** Accepts {@link KioskFlowTest#PASSWORD} only; writes a GUID file with {@link GuidFiles} like the kiosk. */
    static final class ScriptedGuid implements AftercareService {
        final List<char[]> given = new CopyOnWriteArrayList<>();
        final List<String> onEdt = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<AftercareReport> run(Job job, char[] password, Aftercare.Options options) {
            return CompletableFuture.failedFuture(new IllegalStateException("not used here"));
        }

        @Override
        public boolean savesGuid() {
            return true;
        }

        @Override
        public CompletableFuture<GuidSaved> saveGuid(Job job, char[] password, Path usbRoot) {
            given.add(password);
            boolean right = KioskFlowTest.PASSWORD.equals(new String(password));
            return CompletableFuture.supplyAsync(() -> {
                onEdt.add(Boolean.toString(javax.swing.SwingUtilities.isEventDispatchThread()));
                if (!right) {
                    return new GuidSaved(new DeviceOutcome(DeviceOutcome.Kind.PASSWORD_ERROR, 4, null,
                            "PasswordError"), null, null);
                }
                try {
                    Path f = GuidFiles.freeName(usbRoot, job.device().serial());
                    GuidFiles.writeNew(f, "0A1B2C3D4E5F60718293A4B5C6D7E8F9".getBytes(StandardCharsets.US_ASCII));
                    return new GuidSaved(DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS), f, "sha");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void aWrongPasswordShowsTheTriesAndTheRightOneSavesTheFileOnTheStick() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("usb"));
        ScriptedGuid svc = new ScriptedGuid();
        TestStation station = new TestStation(dir, Locale.ENGLISH);
        try (KioskDriver k = KioskDriver.with(station, new KioskServices(svc, null, null, null, null), true)) {
            KioskFlowTest.toWaiting(k, false);
            k.click("header.trainer");
            k.click("trainer.reply");
            k.waitUntil(() -> k.onEdt(() -> ((javax.swing.JComponent) Ui.find(k.frame.getRootPane(), "trainer.result"))
                    .getClientProperty("key") != null));
            String key = k.onEdt(() -> (String) ((javax.swing.JComponent) Ui.find(k.frame.getRootPane(),
                    "trainer.result")).getClientProperty("key"));
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
            assertThat(k.window.button("aftercare.guid").target().isEnabled()).isTrue();
            assertThat(k.showing("aftercare.stick")).as("one stick: no chooser").isFalse();

            k.type("aftercare.password", "Wrong-Pass-1");
            k.click("aftercare.guid");
            k.waitUntil(() -> k.labelText("aftercare.problem").contains("4 tries left"));
            assertThat(k.window.button("aftercare.guid").target().isEnabled()).as("another try is allowed").isTrue();
            try (var files = Files.list(usb)) {
                assertThat(files).isEmpty();
            }

            k.type("aftercare.password", KioskFlowTest.PASSWORD);
            k.click("aftercare.guid");
            k.waitUntil(() -> k.labelText("aftercare.guidResult").contains("Saved on the stick"));
            Path saved = usb.resolve(GuidFiles.fileName(k.onEdt(() -> k.frame.session().job().device().serial())));
            assertThat(saved).exists();
            assertThat(k.labelText("aftercare.guidResult")).contains("on the stick usb").contains("-DeviceGUID.xml");
            assertThat(k.onEdt(() -> ((javax.swing.JComponent) Ui.find(k.frame.getRootPane(), "aftercare.guidResult"))
                    .getToolTipText())).isEqualTo(saved.toString());
            assertThat(k.labelText("aftercare.problem").isBlank()).isTrue();
            assertThat(svc.onEdt).containsOnly("false");
            assertThat(svc.given).allSatisfy(pw -> assertThat(new String(pw)).matches("\u0000+"));
            k.shot("32-aftercare-guid-saved");
        }
    }
}
