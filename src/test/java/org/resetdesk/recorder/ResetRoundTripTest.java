package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.sadp.SadpCodec.Element;
import org.resetdesk.sadp.SadpDocument;

/** Full resets over real UDP on loopback, one per method, with the training support desk in the loop. */
class ResetRoundTripTest {
    private static final String NEW_PW = "Counter7Reset";

    private static SupportDesk.Answer desk(String exported) throws SupportDesk.Refused {
        return SupportDesk.answer(exported.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void encryptedStringWithReplyFileEncryptedCodeAndCameraSync() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            SadpDocument probe = c.inquiry();
            assertThat(probe.bool("codeEncrypt")).isTrue();
            assertThat(probe.bool("SyncIPCPassword")).isTrue();
            SadpDocument export = c.call("getencryptstring", List.of());
            assertThat(export.get("Result")).isEqualTo("success");
            assertThat(rt.recorder().snapshot().pendingExport()).isTrue();
            SupportDesk.Answer a = desk(export.get("EncryptString"));
            String file = new String(a.replyFile(), StandardCharsets.US_ASCII);

            SadpDocument done = c.reset("reset", file, NEW_PW, true, true);

            assertThat(done.get("Result")).isEqualTo("success");
            RecorderSnapshot s = rt.recorder().snapshot();
            assertThat(s.passwordChangedAt()).isNotNull();
            assertThat(s.ipcPasswordsSyncedAt()).isNotNull();
            assertThat(s.pendingExport()).isFalse();
            assertThat(rt.recorder().account().checkPassword(NEW_PW.toCharArray())).isTrue();
            assertThat(c.reset(file, "Another9Pass").get("Result")).isEqualTo("emptyEncryptString");
        }
    }

    @Test
    void encryptedStringWithKeyOnCamera() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.CAMERA); SadpTestClient c = Recorders.client(rt)) {
            String exported = c.call("getencryptstring", List.of()).get("EncryptString");
            String key = desk(exported).key();
            assertThat(key).matches("[A-Z2-9]{8}");
            assertThat(c.reset(key.toLowerCase(java.util.Locale.ROOT), NEW_PW).get("Result")).isEqualTo("success");
            assertThat(rt.recorder().snapshot().ipcPasswordsSyncedAt()).isNull();
        }
    }

    @Test
    void deviceCodeOnDvrWithKey() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.DVR); SadpTestClient c = Recorders.client(rt)) {
            SadpDocument probe = c.inquiry();
            assertThat(probe.bool("PasswordResetModeSecond")).isFalse();
            assertThat(probe.bool("PasswordResetAbility")).isTrue();
            assertThat(c.call("getencryptstring", List.of()).get("Result")).isEqualTo("failed");
            SadpDocument export = c.call("getcode", List.of());
            byte[] raw = java.util.Base64.getDecoder().decode(export.get("Code"));
            assertThat(raw).startsWith(3, 0, 0, 0);
            assertThat(raw.length).isLessThanOrEqualTo(128);
            SupportDesk.Answer a = desk(export.get("Code"));
            assertThat(rt.recorder().serial()).contains(a.serial9()).endsWith("WCVU");
            assertThat(c.reset("reset", a.key(), "Shop4Counter!", true, false).get("Result")).isEqualTo("success");
        }
    }

    @Test
    void qrCodeThenMailResetWithTheDesksVerificationCode() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            SadpDocument qr = c.call("GetQRcodes", List.of());
            assertThat(qr.get("MailBox")).isEqualTo("o***@example.net");
            String payload = new String(java.util.Base64.getDecoder().decode(qr.get("QRcodes")), StandardCharsets.US_ASCII);
            String code = desk(payload).key();
            assertThat(desk(qr.get("QRcodes")).key()).isEqualTo(code);
            assertThat(c.reset("MailReset", code, NEW_PW, false, true).get("Result")).isEqualTo("success");
        }
    }

    @Test
    void legacySecurityCodeResetsTo12345() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.LEGACY); SadpTestClient c = Recorders.client(rt)) {
            SadpDocument probe = c.inquiry();
            assertThat(probe.get("Activated")).isNull();
            assertThat(probe.bool("ResetAbility")).isTrue();
            var date = java.time.LocalDate.parse(probe.get("BootTime").substring(0, 10));
            String serial = probe.get("DeviceSN");
            String wrong = org.resetdesk.sadp.LegacySecurityCode.generate(serial, date.minusDays(3).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(c.call("reset", List.of(Element.of("Code", wrong))).get("Result")).isEqualTo("codeError");
            String right = org.resetdesk.sadp.LegacySecurityCode.generate(serial,
                    rt.recorder().localNow().toLocalDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(c.call("reset", List.of(Element.of("Code", right))).get("Result")).isEqualTo("success");
            assertThat(rt.recorder().account().checkPassword("12345".toCharArray())).isTrue();
        }
    }

    @Test
    void inactiveRecorderIsActivatedOnlyWithAStrongPassword() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.INACTIVE); SadpTestClient c = Recorders.client(rt)) {
            assertThat(c.inquiry().bool("Activated")).isFalse();
            assertThat(c.call("getencryptstring", List.of()).get("Result")).isEqualTo("notActivated");
            c.exchange();
            assertThat(c.call("activate", List.of(Element.of("Password", c.enc("12345")))).get("Result"))
                    .isEqualTo("riskPassword");
            assertThat(c.call("activate", List.of(Element.of("Password", c.enc(NEW_PW)))).get("Result"))
                    .isEqualTo("success");
            assertThat(c.inquiry().bool("Activated")).isTrue();
            assertThat(c.call("activate", List.of(Element.of("Password", c.enc(NEW_PW)))).get("Result"))
                    .isEqualTo("hasActivated");
        }
    }

    @Test
    void guidFileSavedAtActivationResetsOnceThenIsVoid() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            String guid = new String(rt.recorder().account().guidFile().orElseThrow(), StandardCharsets.US_ASCII);
            c.exchange();
            SadpDocument wrongGuid = c.call("GUIDReset", List.of(Element.of("GUID", "00112233445566778899AABBCCDDEEFF"),
                    Element.of("Password", c.enc(NEW_PW))));
            assertThat(wrongGuid.get("Result")).isEqualTo("invalidGUID");
            assertThat(wrongGuid.integer("RetryTimes")).isEqualTo(4);
            SadpDocument ok = c.call("GUIDReset", List.of(Element.of("SyncIPCPassword", "true"),
                    Element.of("GUID", guid), Element.of("Password", c.enc(NEW_PW))));
            assertThat(ok.get("Result")).isEqualTo("success");
            assertThat(c.call("GUIDReset", List.of(Element.of("GUID", guid), Element.of("Password", c.enc("Other8Pass"))))
                    .get("Result")).isEqualTo("invalidGUID");
            // with the password known again, a new GUID file can be exported and used
            SadpDocument exported = c.call("ExportGUID", List.of(Element.of("Password", c.enc(NEW_PW))));
            assertThat(exported.get("Result")).isEqualTo("success");
            assertThat(exported.get("GUID")).isNotEqualTo(guid);
            assertThat(c.call("GUIDReset", List.of(Element.of("GUID", exported.get("GUID")),
                    Element.of("Password", c.enc("Other8Pass")))).get("Result")).isEqualTo("success");
        }
    }

    @Test
    void securityQuestionsAnsweredRightResetTheWrongOnesCount() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            SadpDocument q = c.call("getsecurityquestion", List.of());
            assertThat(q.all("ID")).containsExactly("2", "5", "7");
            assertThat(q.all("Answer")).isEmpty();
            c.exchange();
            SadpDocument wrong = c.call("AnswerReset", answers(c, "rex", "paris", "blue"));
            assertThat(wrong.get("Result")).isEqualTo("AnswerError");
            assertThat(wrong.integer("RetryTimes")).isEqualTo(4);
            assertThat(c.call("AnswerReset", answers(c, " Rex", "LISBON", "blue")).get("Result")).isEqualTo("success");
            assertThat(rt.recorder().snapshot().failedAttempts()).isZero();
        }
    }

    private static List<Element> answers(SadpTestClient c, String a1, String a2, String a3) {
        String list = "<Question><ID>2</ID><Answer>" + c.enc(a1) + "</Answer><mark>true</mark></Question>"
                + "<Question><ID>5</ID><Answer>" + c.enc(a2) + "</Answer><mark>true</mark></Question>"
                + "<Question><ID>7</ID><Answer>" + c.enc(a3) + "</Answer><mark>true</mark></Question>";
        return List.of(Element.of("QuestionList", list), Element.of("Password", c.enc(NEW_PW)));
    }

    @Test
    void resetTypesAndHikConnectUnbindAfterAReset() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            SadpDocument types = c.call("getPasswordResetType", List.of());
            assertThat(types.bool("SecurityQuestionEnabled")).isTrue();
            assertThat(types.bool("GuidFileDataEnabled")).isTrue();
            assertThat(types.bool("SecurityEmailEnabled")).isTrue();
            assertThat(types.bool("HCVerificationCodeEnabled")).isTrue();
            assertThat(c.call("getUnbindStatus", List.of()).get("Result")).isEqualTo("success");
            c.exchange();
            SadpDocument denied = c.call("ezvizUnbind", List.of(Element.of("Password", c.enc("Guess1234"))));
            assertThat(denied.get("Result")).isEqualTo("PasswordError");
            String file = new String(desk(c.call("getencryptstring", List.of()).get("EncryptString")).replyFile(),
                    StandardCharsets.US_ASCII);
            assertThat(c.reset("reset", file, NEW_PW, false, true).get("Result")).isEqualTo("success");
            c.exchange();
            assertThat(c.call("ezvizUnbind", List.of(Element.of("Password", c.enc(NEW_PW)))).get("Result"))
                    .isEqualTo("success");
            assertThat(c.call("getUnbindStatus", List.of()).get("Result")).isEqualTo("notBind");
            assertThat(rt.recorder().snapshot().hikConnectBound()).isFalse();
            assertThat(c.inquiry().get("EZVIZBindStatus")).isEqualTo("2");
        }
    }
}
