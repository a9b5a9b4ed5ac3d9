package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.DeviceOutcome.Kind;
import org.resetdesk.job.DirectProof;
import org.resetdesk.job.RecorderLink.ExportResult;
import org.resetdesk.job.RecorderLink.GuidExport;
import org.resetdesk.job.RecorderLink.ResetReply;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.recorder.Profile;
import org.resetdesk.recorder.RecorderConfig;
import org.resetdesk.recorder.RecorderRuntime;
import org.resetdesk.recorder.SupportDesk;

/**
 * SadpClient against the real virtual recorder (org.resetdesk.recorder) over loopback UDP on a free port, with the
 * training support desk answering the exports: the kiosk side and the device side agree on the wire.
 */
class SadpClientVirtualRecorderTest {
    private static RecorderRuntime start(Profile p) throws IOException {
        return RecorderRuntime.start(RecorderConfig.training(p).withDownTime(Duration.ofMillis(300)), "lo", 0, 0);
    }

    private static SadpClient client(RecorderRuntime rt) throws IOException {
        return new SadpClient("lo", rt.sadpPort(), Duration.ofSeconds(5));
    }

    @Test
    void nvrEncryptedStringWithReplyFileAndCameraSync() throws Exception {
        try (RecorderRuntime rt = start(Profile.NVR); SadpClient c = client(rt)) {
            List<DeviceInfo> found = c.discover(Duration.ofMillis(1500), d -> { });
            assertThat(found).hasSize(1);
            DeviceInfo d = found.get(0);
            assertThat(d.mac()).isEqualTo(rt.recorder().mac());
            assertThat(d.resetMethods()).contains(ResetMethod.ENCRYPTED_STRING);
            assertThat(d.syncIpcPassword()).isTrue();

            ExportResult ex = c.export(d.mac(), ResetMethod.ENCRYPTED_STRING);
            assertThat(ex.outcome().kind()).isEqualTo(Kind.SUCCESS);
            SupportDesk.Answer a = SupportDesk.answer(ex.request());
            DeviceOutcome o = c.reset(d.mac(), ResetReply.file(a.replyFile()), "Counter7Reset".toCharArray(), true,
                    Boolean.TRUE.equals(d.codeEncrypt()));
            assertThat(o.kind()).as(o.toString()).isEqualTo(Kind.SUCCESS);
            assertThat(rt.recorder().account().checkPassword("Counter7Reset".toCharArray())).isTrue();
            assertThat(c.reset(d.mac(), ResetReply.file(a.replyFile()), "Another9Pass".toCharArray(), false,
                    Boolean.TRUE.equals(d.codeEncrypt())).kind()).isEqualTo(Kind.EMPTY_ENCRYPT_STRING);
        }
    }

    @Test
    void nvrReservedEmailQrCodeAndTheMailedCodeSentWithMailReset() throws Exception {
        try (RecorderRuntime rt = start(Profile.NVR); SadpClient c = client(rt)) {
            DeviceInfo d = c.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            assertThat(d.resetMethods()).contains(ResetMethod.RESERVED_EMAIL);
            boolean enc = Boolean.TRUE.equals(d.codeEncrypt());
            ExportResult string = c.export(d.mac(), ResetMethod.ENCRYPTED_STRING);

            ExportResult qr = c.export(d.mac(), ResetMethod.RESERVED_EMAIL);
            assertThat(qr.outcome().kind()).isEqualTo(Kind.SUCCESS);
            assertThat(qr.codeSentTo()).as("masked, as the device names it").isEqualTo("o***@example.net");
            assertThat(string.codeSentTo()).isNull();
            String code = SupportDesk.answer(qr.request()).key(); // in training the desk plays the vendor's mailer
            assertThat(c.reset(d.mac(), ResetReply.key(SupportDesk.answer(string.request()).key()),
                    "Shop4Counter!".toCharArray(), false, enc).kind())
                    .as("the QR export replaced the earlier challenge in RAM").isEqualTo(Kind.CODE_ERROR);

            DeviceOutcome o = c.reset(d.mac(), ResetReply.key(code).asMailCode(), "Mailbox7Reset".toCharArray(),
                    true, enc);
            assertThat(o.kind()).as(o.toString()).isEqualTo(Kind.SUCCESS);
            assertThat(rt.recorder().account().checkPassword("Mailbox7Reset".toCharArray())).isTrue();

            rt.recorder().account().setReservedEmail(null); // MailReset, not reset, is what went out: now it fails
            ExportResult none = c.export(d.mac(), ResetMethod.RESERVED_EMAIL);
            assertThat(none.outcome().kind()).isEqualTo(Kind.SUCCESS);
            assertThat(none.codeSentTo()).isNull();
            String key = SupportDesk.answer(none.request()).key();
            assertThat(c.reset(d.mac(), ResetReply.key(key).asMailCode(), "Mailbox8Reset".toCharArray(), false, enc)
                    .kind()).isEqualTo(Kind.MAILBOX_NOT_SET);
        }
    }

    @Test
    void dvrDeviceCodeWithKeyAndAWrongKeyFirst() throws Exception {
        try (RecorderRuntime rt = start(Profile.DVR); SadpClient c = client(rt)) {
            DeviceInfo d = c.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            assertThat(d.resetMethods()).contains(ResetMethod.DEVICE_CODE).doesNotContain(ResetMethod.ENCRYPTED_STRING);
            ExportResult ex = c.export(d.mac(), ResetMethod.DEVICE_CODE);
            String key = SupportDesk.answer(ex.request()).key();
            boolean enc = Boolean.TRUE.equals(d.codeEncrypt());
            DeviceOutcome wrong = c.reset(d.mac(), ResetReply.key("ZZZZ2222"), "Shop4Counter!".toCharArray(), false,
                    enc);
            assertThat(wrong.kind()).isEqualTo(Kind.CODE_ERROR);
            assertThat(wrong.retriesLeft()).isNotNull();
            assertThat(c.reset(d.mac(), ResetReply.key(key), "Shop4Counter!".toCharArray(), false, enc).kind())
                    .isEqualTo(Kind.SUCCESS);
        }
    }

    @Test
    void inactiveRecorderIsActivated() throws Exception {
        try (RecorderRuntime rt = start(Profile.INACTIVE); SadpClient c = client(rt)) {
            DeviceInfo d = c.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            assertThat(d.activated()).isFalse();
            assertThat(d.resetMethods()).isEmpty();
            assertThat(c.activate(d.mac(), "First7Pass!".toCharArray()).kind()).isEqualTo(Kind.SUCCESS);
            assertThat(c.poll(d.mac(), Duration.ofSeconds(2)).orElseThrow().activated()).isTrue();
        }
    }

    @Test
    void legacyFirmwareTakesTheSecurityCodeForItsDate() throws Exception {
        try (RecorderRuntime rt = start(Profile.LEGACY); SadpClient c = client(rt)) {
            ProbeMatch pm = c.find(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            assertThat(pm.resetMethods()).containsExactly(ResetMethod.LEGACY_SECURITY_CODE);
            // a freshly started device's Start Time carries its current date, which the code is bound to (§5.3)
            String date = pm.bootTime().substring(0, 10).replace("-", "");
            DeviceOutcome o = c.legacyReset(pm.mac(), LegacySecurityCode.generate(pm.serial(), date));
            assertThat(o.kind()).as(o.toString()).isEqualTo(Kind.SUCCESS);
        }
    }

    @Test
    void guidExportedWithTheNewPasswordResetsTheRecorderLater() throws Exception {
        try (RecorderRuntime rt = start(Profile.NVR); SadpClient c = client(rt)) {
            DeviceInfo d = c.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            assertThat(d.resetMethods()).contains(ResetMethod.GUID_FILE);
            ExportResult ex = c.export(d.mac(), ResetMethod.ENCRYPTED_STRING);
            SupportDesk.Answer a = SupportDesk.answer(ex.request());
            assertThat(c.reset(d.mac(), ResetReply.file(a.replyFile()), "Counter7Reset".toCharArray(), false,
                    Boolean.TRUE.equals(d.codeEncrypt())).kind()).isEqualTo(Kind.SUCCESS);

            GuidExport wrong = c.exportGuid(d.mac(), "Not-The-Pass1".toCharArray());
            assertThat(wrong.outcome().kind()).as(wrong.outcome().toString()).isEqualTo(Kind.PASSWORD_ERROR);
            assertThat(wrong.outcome().retriesLeft()).isEqualTo(4);
            assertThat(wrong.guidFile()).isNull();

            char[] pw = "Counter7Reset".toCharArray();
            GuidExport g = c.exportGuid(d.mac(), pw);
            assertThat(g.outcome().kind()).as(g.outcome().toString()).isEqualTo(Kind.SUCCESS);
            assertThat(new String(pw)).as("the caller's array is left for the caller to wipe").isEqualTo("Counter7Reset");
            assertThat(g.guidFile()).isEqualTo(rt.recorder().account().guidFile().orElseThrow());

            // the customer forgets the password: the file they took home resets it without vendor support
            DeviceOutcome back = c.resetDirect(d.mac(), DirectProof.guid(g.guidFile().clone()), "Later8Reset!".toCharArray(),
                    false);
            assertThat(back.kind()).as(back.toString()).isEqualTo(Kind.SUCCESS);
            assertThat(rt.recorder().account().checkPassword("Later8Reset!".toCharArray())).isTrue();
            assertThat(c.resetDirect(d.mac(), DirectProof.guid(g.guidFile()), "Again9Reset!".toCharArray(), false)
                    .kind()).as("a used GUID file is void").isEqualTo(Kind.INVALID_GUID);
        }
    }

    @Test
    void guidExportOnARecorderWithoutGuidSupportIsDenied() throws Exception {
        try (RecorderRuntime rt = start(Profile.DVR); SadpClient c = client(rt)) {
            DeviceInfo d = c.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow();
            assertThat(d.resetMethods()).doesNotContain(ResetMethod.GUID_FILE);
            GuidExport g = c.exportGuid(d.mac(), "Whatever1".toCharArray());
            assertThat(g.outcome().kind()).isEqualTo(Kind.DENIED);
            assertThat(g.guidFile()).isNull();
        }
    }
}
