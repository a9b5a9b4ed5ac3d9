package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resetdesk.job.ResetMethod.DEVICE_CODE;
import static org.resetdesk.job.ResetMethod.ENCRYPTED_STRING;
import static org.resetdesk.job.ResetMethod.GUID_FILE;
import static org.resetdesk.job.ResetMethod.LEGACY_SECURITY_CODE;
import static org.resetdesk.job.ResetMethod.RESERVED_EMAIL;
import static org.resetdesk.job.ResetMethod.SECURITY_QUESTIONS;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.ResetMethod;

/** ProbeMatch fields and the reset-method decision table (sadp-protocol.md §4.1, §4.2). */
class ProbeMatchTest {
    private static ProbeMatch pm(String fixture) throws SadpFormatException {
        return ProbeMatch.from(SadpCodec.decode(Fixtures.bytes(fixture)));
    }

    private static ProbeMatch flags(String inner) throws SadpFormatException {
        return ProbeMatch.from(SadpCodec.decode(("<ProbeMatch><MAC>00-11-22-33-44-55</MAC>" + inner + "</ProbeMatch>")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void vector2MapsEveryField() throws Exception {
        DeviceInfo d = pm(Fixtures.VECTOR_2).toDeviceInfo();
        assertThat(d).isEqualTo(new DeviceInfo("DS-2CD2385G1-I", "DS-2CD2385G1-I20200414AAWRE33842150",
                "58-50-ed-1f-e3-85", "192.168.124.40", "255.255.255.0", "192.168.124.1", "V5.6.2build 190701",
                "1970-01-15 02:44:11", true, java.util.Set.of(ENCRYPTED_STRING, SECURITY_QUESTIONS, RESERVED_EMAIL),
                null, false, null, null));
    }

    @Test
    void vector1OldFirmwareIsActivatedWithNoMethods() throws Exception {
        ProbeMatch p = pm(Fixtures.VECTOR_1);
        assertThat(p.activated()).isNull();
        assertThat(p.toDeviceInfo().isActivated()).isTrue();
        assertThat(p.resetMethods()).isEmpty();
        assertThat(p.firmware()).isEqualTo("V5.2.5build 141201");
        assertThat(p.bootTime()).isEqualTo("2016-03-06 09:18:17");
        assertThat(p.describesDevice()).isTrue();
    }

    @Test
    void vector6() throws Exception {
        ProbeMatch p = pm(Fixtures.VECTOR_6);
        assertThat(p.mac()).isEqualTo("68-6d-bc-3b-52-dd");
        assertThat(p.deviceType()).isEqualTo("155650");
        assertThat(p.gateway()).isEqualTo("192.168.2.1");
        assertThat(p.bootTime()).isNull();
        assertThat(p.hikConnectEnabled()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "<PasswordResetModeSecond>true</PasswordResetModeSecond>|ENCRYPTED_STRING",
        "<PasswordResetAbility>true</PasswordResetAbility>|DEVICE_CODE",
        "<PasswordResetAbility>true</PasswordResetAbility><PasswordResetModeSecond>true</PasswordResetModeSecond>"
            + "|ENCRYPTED_STRING",
        "<PasswordResetAbility>true</PasswordResetAbility><PasswordResetModeSecond>flase</PasswordResetModeSecond>"
            + "|DEVICE_CODE",
        "<ResetAbility>true</ResetAbility>|LEGACY_SECURITY_CODE",
        "<SupportGUID>true</SupportGUID>|GUID_FILE",
        "<SupportSecurityQuestion>true</SupportSecurityQuestion>|SECURITY_QUESTIONS",
        "<SupportMailBox>true</SupportMailBox>|RESERVED_EMAIL",
        "<SupportMailBox>flase</SupportMailBox><ResetAbility>false</ResetAbility>|",
        "<Activated>false</Activated><PasswordResetModeSecond>true</PasswordResetModeSecond>"
            + "<SupportGUID>true</SupportGUID>|"})
    void decisionTable(String inner, String expected) throws Exception {
        java.util.Set<ResetMethod> want = expected == null ? java.util.Set.of()
                : java.util.Set.of(ResetMethod.valueOf(expected));
        assertThat(flags(inner).resetMethods()).isEqualTo(want);
    }

    @Test
    void allFlagsTogether() throws Exception {
        ProbeMatch p = flags("<Activated>true</Activated><ResetAbility>true</ResetAbility>"
                + "<PasswordResetAbility>true</PasswordResetAbility><SupportGUID>true</SupportGUID>"
                + "<SupportSecurityQuestion>true</SupportSecurityQuestion><SupportMailBox>true</SupportMailBox>"
                + "<SyncIPCPassword>true</SyncIPCPassword><codeEncrypt>true</codeEncrypt>"
                + "<HCPlatformEnable>true</HCPlatformEnable>");
        assertThat(p.resetMethods()).containsExactlyInAnyOrder(DEVICE_CODE, LEGACY_SECURITY_CODE, GUID_FILE,
                SECURITY_QUESTIONS, RESERVED_EMAIL);
        DeviceInfo d = p.toDeviceInfo();
        assertThat(d.syncIpcPassword()).isTrue();
        assertThat(d.codeEncrypt()).isTrue();
        assertThat(d.hikConnectEnabled()).isTrue();
        assertThat(d.validityHours()).isNull();
    }

    @Test
    void macIsNormalisedToTheDeviceSpelling() throws Exception {
        assertThat(flags("").mac()).isEqualTo("00-11-22-33-44-55");
        ProbeMatch upper = ProbeMatch.from(SadpCodec.decode(
                "<Hello><MAC>C0:56:E3:FE:42:92</MAC></Hello>".getBytes(StandardCharsets.UTF_8)));
        assertThat(upper.mac()).isEqualTo("c0-56-e3-fe-42-92");
        assertThat(upper.describesDevice()).isTrue();
        ProbeMatch odd = ProbeMatch.from(SadpCodec.decode(
                "<ProbeMatch><MAC>hidden</MAC></ProbeMatch>".getBytes(StandardCharsets.UTF_8)));
        assertThat(odd.mac()).isEqualTo("hidden");
    }

    @Test
    void truncatedCaptureKeepsTheFlagsBeforeTheCut() throws Exception {
        ProbeMatch p = pm("must-recover/DS-2CD2385G1-I-V5.6.2-truncated-in-value.xml");
        assertThat(p.truncated()).isTrue();
        assertThat(p.resetMethods()).containsExactlyInAnyOrder(ENCRYPTED_STRING, SECURITY_QUESTIONS);
    }
}
