package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.ui.testkit.FakeRecorderLink;

/** The wizard's other roads: a serial that does not match, old firmware, an inactive recorder. */
@Tag("gui")
class WizardEdgesTest {
    @TempDir
    Path dir;

    @Test
    void aDifferentSerialIsMarkedAndTheEngineRefusesIt() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            toConnect(k, FakeRecorderLink.SERIAL.replace("J12345678", "J12345679"));
            k.waitUntil(() -> k.labelText("connect.verdict").equals(Messages.get("connect.mismatch")));
            assertThat(k.labelText("connect.reportedSerial")).contains("<u>8</u>");
            k.click("connect.next");
            k.waitUntil(() -> k.labelText("connect.verdict").contains("not the recorder on the label"));
            k.shot("05b-connect-mismatch");
            assertThat(k.screen()).isEqualTo("connect");
            assertThat(k.station.repo.openJobs().get(0).state()).isEqualTo(JobState.INTAKE);
        }
    }

    @Test
    void oldFirmwareGetsAnUpdateWarning() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.station.recorder.firmware("DS-7608NI-E2", "V3.4.92 build 170228", true);
            toConnect(k, FakeRecorderLink.SERIAL);
            k.click("connect.next");
            k.waitForScreen("recorder");
            assertThat(k.showing("recorder.firmwareWarning")).isTrue();
            assertThat(k.labelText("recorder.firmware")).isEqualTo("V3.4.92 build 170228");
            assertThat(k.showing("recorder.method.GUID_FILE")).isTrue();
            assertThat(k.onEdt(() -> Ui.find(k.frame.getRootPane(), "recorder.method.GUID_FILE").isEnabled()))
                    .as("methods without a support round trip cannot be exported").isFalse();
            k.shot("06b-recorder-old-firmware");
        }
    }

    @Test
    void reservedEmailHandsTheQrCodeToTheCustomerAndTheMailedCodeGoesOutAsMailReset() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            toConnect(k, FakeRecorderLink.SERIAL);
            k.click("connect.next");
            k.waitForScreen("recorder");
            k.toggle("recorder.method.RESERVED_EMAIL");
            k.waitUntil(() -> k.labelText("recorder.why").contains("verification code"));
            k.click("recorder.next");
            k.waitForScreen("export");
            k.click("export.run");
            k.waitUntil(() -> k.showing("export.channel.hikConnect"));
            assertThat(k.labelText("export.mail.mailbox")).contains(FakeRecorderLink.MAILBOX);
            assertThat(k.showing("export.channel.recoveryMail")).isTrue();
            assertThat(k.showing("export.channel.webForm")).as("no support channels").isFalse();
            assertThat(k.labelText("export.lead")).contains("customer scans it");
            Job job = k.station.repo.openJobs().get(0);
            assertThat(job.attempt().method()).isEqualTo(ResetMethod.RESERVED_EMAIL);
            assertThat(job.state()).isEqualTo(JobState.REQUEST_EXPORTED);
            k.shot("07b-export-reserved-email");

            k.toggle("export.channel.recoveryMail");
            k.click("export.sent");
            k.waitForScreen("waiting");
            assertThat(k.labelText("waiting.lead")).contains("reserved mailbox");
            assertThat(k.station.repo.events(job.id())).anySatisfy(e -> assertThat(e.type() + " " + e.detail())
                    .isEqualTo("handoff.sent recoveryMail"));
            k.click("waiting.import");
            k.waitForScreen("import");
            assertThat(k.labelText("import.lead")).contains("verification code");
            k.type("import.key", k.station.recorder.supportKey());
            k.click("import.next");
            KioskFlowTest.typePassword(k, KioskFlowTest.PASSWORD);
            k.click("password.set");
            k.waitForScreen("done");
            assertThat(k.station.recorder.lastResetByMail).as("sent with MailReset").isTrue();
            assertThat(k.station.repo.openJobs().get(0).state()).isEqualTo(JobState.PASSWORD_SET);
        }
    }

    @Test
    void theLabelPhotoComesFromTheUsbStickNewestFirstAndGoesWithTheJob() throws Exception {
        java.nio.file.Path usb = java.nio.file.Files.createDirectories(dir.resolve("usb/DCIM/100PHONE"));
        byte[] older = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 'o', 'l', 'd'};
        byte[] newest = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 'n', 'e', 'w'};
        java.nio.file.Files.write(usb.resolve("IMG_0001.JPG"), older);
        java.nio.file.Files.write(usb.resolve("IMG_0002.jpg"), newest);
        java.nio.file.Files.setLastModifiedTime(usb.resolve("IMG_0001.JPG"),
                java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        java.nio.file.Files.setLastModifiedTime(usb.resolve("IMG_0002.jpg"),
                java.nio.file.attribute.FileTime.fromMillis(1_000_000_060_000L));
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.signIn("ann", "1234");
            k.waitForScreen("board");
            k.click("board.newJob");
            k.waitForScreen("customer");
            assertThat(k.labelText("customer.photo.shown")).contains("No photo yet");
            k.click("customer.photo.pick");
            k.waitUntil(() -> k.labelText("customer.photo.shown").contains("IMG_0002.jpg"));
            k.click("customer.photo.pick");
            k.waitUntil(() -> k.labelText("customer.photo.shown").contains("IMG_0001.JPG"));
            k.click("customer.photo.pick");
            k.waitUntil(() -> k.labelText("customer.photo.shown").contains("IMG_0002.jpg"));
            k.shot("04c-customer-label-photo");
            k.type("customer.name", "Jonas Weber");
            k.type("customer.serial", FakeRecorderLink.SERIAL);
            k.toggle("customer.kind.INVOICE");
            k.type("customer.ownershipRef", "RE-88120");
            k.toggle("customer.consent");
            k.click("customer.next");
            k.waitForScreen("connect");
            Job job = k.station.repo.openJobs().get(0);
            assertThat(job.intake().photos()).containsExactly("jobs/" + job.id() + "/label.jpg");
            assertThat(dir.resolve("data/" + job.id() + "/label.jpg")).hasBinaryContent(newest);
        }
    }

    @Test
    void anInactiveRecorderIsActivatedWithTheCustomersPassword() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.station.recorder.firmware("DS-7608NI-K2", "V4.62.210 build 230302", false);
            toConnect(k, FakeRecorderLink.SERIAL);
            k.click("connect.next");
            k.waitForScreen("password");
            assertThat(k.labelText("password.lead")).contains("not activated");
            KioskFlowTest.typePassword(k, KioskFlowTest.PASSWORD);
            k.click("password.set");
            k.waitForScreen("done");
            assertThat(k.station.repo.openJobs().get(0).state()).isEqualTo(JobState.PASSWORD_SET);
        }
    }

    private static void toConnect(KioskDriver k, String labelSerial) {
        k.signIn("ann", "1234");
        k.waitForScreen("board");
        k.click("board.newJob");
        k.waitForScreen("customer");
        k.type("customer.name", "Jonas Weber");
        k.type("customer.serial", labelSerial);
        k.toggle("customer.kind.INVOICE");
        k.type("customer.ownershipRef", "RE-88120");
        k.click("customer.next");
        k.waitUntil(() -> k.labelText("customer.problem").equals(Messages.get("customer.missing.consent")));
        k.toggle("customer.consent");
        k.click("customer.next");
        k.waitForScreen("connect");
    }
}
