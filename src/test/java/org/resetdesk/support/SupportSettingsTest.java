package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportSettingsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheContractKeysWithDefaults() {
        var p = TestJobs.baseProperties();
        p.setProperty("smtp.host", "mail.shop.test");
        p.setProperty("smtp.username", "desk");
        p.setProperty("smtp.password-file", "/etc/resetdesk/smtp.secret");
        p.setProperty("handoff.folder", "/media/usb");
        p.setProperty("printer.name", "TM-T88");
        p.setProperty("receipt.width", "A4");
        var s = SupportSettings.fromProperties(p);
        assertThat(s.smtp().port()).isEqualTo(587);
        assertThat(s.smtp().starttls()).isTrue();
        assertThat(s.smtp().tls()).isFalse();
        assertThat(s.smtp().from()).isEqualTo("desk@counterfixers.test");
        assertThat(s.handoffFolder()).isEqualTo(Path.of("/media/usb"));
        assertThat(s.receiptWidth()).isEqualTo(PaperWidth.A4);
        assertThat(s.imap()).isNull();

        p.setProperty("smtp.tls", "true");
        p.remove("smtp.starttls");
        assertThat(SupportSettings.fromProperties(p).smtp().port()).isEqualTo(465);
        assertThat(SupportSettings.fromProperties(TestJobs.baseProperties()).smtp()).isNull();
        assertThat(SupportSettings.fromProperties(TestJobs.baseProperties()).receiptWidth())
                .isEqualTo(PaperWidth.ROLL_80MM);
    }

    @Test
    void theKioskDefaultsPlusTheExtraKeysGiveANeutralSetting() {
        var values = new java.util.LinkedHashMap<String, String>(SupportSettings.EXTRA_KEYS);
        for (String k : org.resetdesk.config.KioskConfig.keys()) {
            values.putIfAbsent(k, "");
        }
        values.put("smtp.port", "587");
        values.put("smtp.starttls", "true");
        values.put("receipt.width", "80mm");
        var s = SupportSettings.fromValues(values);
        assertThat(s.smtp()).isNull();
        assertThat(s.imap()).isNull();
        assertThat(s.handoffFolder()).isNull();
        assertThat(s.requester().role()).isEqualTo("reseller");
        assertThat(s.receiptWidth()).isEqualTo(PaperWidth.ROLL_80MM);
    }

    @Test
    void badValuesNameTheirKey() {
        var p = TestJobs.baseProperties();
        p.setProperty("receipt.width", "58mm");
        assertThatThrownBy(() -> SupportSettings.fromProperties(p)).hasMessageContaining("receipt.width");
        p.remove("receipt.width");
        p.setProperty("smtp.host", "mail.shop.test");
        p.setProperty("smtp.port", "99999");
        assertThatThrownBy(() -> SupportSettings.fromProperties(p)).hasMessageContaining("smtp.port");
        p.setProperty("smtp.port", "25");
        p.setProperty("smtp.starttls", "maybe");
        assertThatThrownBy(() -> SupportSettings.fromProperties(p)).hasMessageContaining("smtp.starttls");
        p.setProperty("smtp.starttls", "true");
        p.setProperty("smtp.username", "desk");
        assertThatThrownBy(() -> SupportSettings.fromProperties(p)).hasMessageContaining("smtp.password-file");
    }

    @Test
    void thePasswordFileMustBeTheKioskUsersAlone() throws Exception {
        Path f = dir.resolve("secret");
        Files.writeString(f, "s3cret-pass\r\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertThat(SmtpCredentials.readPassword(f)).containsExactly("s3cret-pass".toCharArray());

        for (String bad : new String[] {"rw-r-----", "rw----r--", "rw--w----"}) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(bad));
            assertThatThrownBy(() -> SmtpCredentials.readPassword(f))
                    .isInstanceOf(SmtpCredentials.InsecureCredentials.class)
                    .hasMessageContaining("chmod 600").hasMessageNotContaining("s3cret");
        }
        Path link = dir.resolve("link");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(link, f);
        assertThatThrownBy(() -> SmtpCredentials.readPassword(link)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> SmtpCredentials.readPassword(dir.resolve("missing")))
                .isInstanceOf(SmtpCredentials.InsecureCredentials.class);
    }
}
