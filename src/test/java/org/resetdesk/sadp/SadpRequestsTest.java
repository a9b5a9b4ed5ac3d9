package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request bytes exactly as sadp-protocol.md §2/§3/§5 gives them: declaration, element order, no whitespace. */
class SadpRequestsTest {
    static final String U = "8282F1DB-2FA6-4709-B261-3C6B6A48CA17";
    static final String M = "68-6d-bc-ee-f8-f0";
    static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>" + U + "</Uuid>";
    static final String HEAD_MAC = HEAD + "<MAC>" + M + "</MAC>";

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void getEncryptStringIsTheReferenceExampleByteForByte() {
        assertThat(s(SadpRequests.getEncryptString(U, M))).isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<Probe><Uuid>8282F1DB-2FA6-4709-B261-3C6B6A48CA17</Uuid><MAC>68-6d-bc-ee-f8-f0</MAC>"
                + "<Types>getencryptstring</Types></Probe>");
    }

    @Test
    void inquiriesHaveNoMac() {
        assertThat(s(SadpRequests.inquiry(U))).isEqualTo(HEAD + "<Types>inquiry</Types></Probe>");
        assertThat(s(SadpRequests.inquiryV32(U))).isEqualTo(HEAD + "<Types>inquiry_v32</Types></Probe>");
    }

    @Test
    void parameterlessCommandsUseTheGenericTemplate() {
        assertThat(s(SadpRequests.getCode(U, M))).isEqualTo(HEAD_MAC + "<Types>getcode</Types></Probe>");
        assertThat(s(SadpRequests.getQrCodes(U, M))).isEqualTo(HEAD_MAC + "<Types>GetQRcodes</Types></Probe>");
        assertThat(s(SadpRequests.getSecurityQuestion(U, M)))
                .isEqualTo(HEAD_MAC + "<Types>getsecurityquestion</Types></Probe>");
        assertThat(s(SadpRequests.getPasswordResetType(U, M)))
                .isEqualTo(HEAD_MAC + "<Types>getPasswordResetType</Types></Probe>");
        assertThat(s(SadpRequests.getUnbindStatus(U, M)))
                .isEqualTo(HEAD_MAC + "<Types>getUnbindStatus</Types></Probe>");
    }

    @Test
    void exchangeCarriesThePublicKey() {
        assertThat(s(SadpRequests.exchangeCode(U, M, "MIGJAoGBAgMBAAE=")))
                .isEqualTo(HEAD_MAC + "<Types>exchangecode</Types><Code>MIGJAoGBAgMBAAE=</Code></Probe>");
    }

    @Test
    void resetWithFileOrKey() {
        assertThat(s(SadpRequests.reset(U, M, "PW==", false, "AbCd1234", false)))
                .isEqualTo(HEAD_MAC + "<Types>reset</Types><Password>PW==</Password><Code>AbCd1234</Code></Probe>");
    }

    @Test
    void resetWithSyncBetweenPasswordAndCodeAndEncryptedCode() {
        assertThat(s(SadpRequests.reset(U, M, "PW==", true, "C0DE==", true))).isEqualTo(HEAD_MAC
                + "<Types>reset</Types><Password>PW==</Password><SyncIPCPassword>true</SyncIPCPassword>"
                + "<Code bEncrypt=\"true\">C0DE==</Code></Probe>");
    }

    @Test
    void replyFileThatIsXmlIsSentUnchanged() {
        String file = "<?xml version=\"1.0\"?><Key a=\"1\">x&amp;y</Key>\r\n";
        assertThat(s(SadpRequests.reset(U, M, "PW==", false, file, false)))
                .contains("<Code>" + file + "</Code>");
    }

    @Test
    void legacyResetHasTheSecurityCodeOnly() {
        assertThat(s(SadpRequests.legacyReset(U, M, "RRSdRderd9")))
                .isEqualTo(HEAD_MAC + "<Types>reset</Types><Code>RRSdRderd9</Code></Probe>");
    }

    @Test
    void answerResetNestsThreeQuestions() {
        byte[] b = SadpRequests.answerReset(U, M, true, List.of(new SadpRequests.Answer("1", "A1=="),
                new SadpRequests.Answer("4", "A4=="), new SadpRequests.Answer("7", "A7==")), "PW==");
        assertThat(s(b)).isEqualTo(HEAD_MAC + "<Types>AnswerReset</Types><SyncIPCPassword>true</SyncIPCPassword>"
                + "<QuestionList><Question><ID>1</ID><Answer>A1==</Answer><mark>true</mark></Question>"
                + "<Question><ID>4</ID><Answer>A4==</Answer><mark>true</mark></Question>"
                + "<Question><ID>7</ID><Answer>A7==</Answer><mark>true</mark></Question></QuestionList>"
                + "<Password>PW==</Password></Probe>");
    }

    @Test
    void guidExportAndReset() {
        assertThat(s(SadpRequests.exportGuid(U, M, "CUR==")))
                .isEqualTo(HEAD_MAC + "<Types>ExportGUID</Types><Password>CUR==</Password></Probe>");
        assertThat(s(SadpRequests.guidReset(U, M, false, "GUIDDATA", "PW==")))
                .isEqualTo(HEAD_MAC + "<Types>GUIDReset</Types><GUID>GUIDDATA</GUID><Password>PW==</Password></Probe>");
        assertThat(s(SadpRequests.guidReset(U, M, true, "G", "P"))).contains(
                "<Types>GUIDReset</Types><SyncIPCPassword>true</SyncIPCPassword><GUID>G</GUID><Password>P</Password>");
    }

    @Test
    void mailReset() {
        assertThat(s(SadpRequests.mailReset(U, M, "PW==", true, "123456", false))).isEqualTo(HEAD_MAC
                + "<Types>MailReset</Types><Password>PW==</Password><SyncIPCPassword>true</SyncIPCPassword>"
                + "<Code>123456</Code></Probe>");
    }

    @Test
    void unbindAndActivate() {
        assertThat(s(SadpRequests.ezvizUnbind(U, M, "PW==")))
                .isEqualTo(HEAD_MAC + "<Types>ezvizUnbind</Types><Password>PW==</Password></Probe>");
        assertThat(s(SadpRequests.activate(U, M, "PW==")))
                .isEqualTo(HEAD_MAC + "<Types>activate</Types><Password>PW==</Password></Probe>");
    }

    @Test
    void requestsDecodeBackToTheirFields() throws Exception {
        SadpDocument d = SadpCodec.decode(SadpRequests.reset(U, M, "PW==", true, "C", true));
        assertThat(d.root()).isEqualTo("Probe");
        assertThat(d.get("Password")).isEqualTo("PW==");
        assertThat(d.attributes("Code")).containsEntry("bEncrypt", "true");
    }
}
