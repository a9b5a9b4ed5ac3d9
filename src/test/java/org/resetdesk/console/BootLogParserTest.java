package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resetdesk.console.ConsoleEventType.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootLogParserTest {
    private final BootLogParser parser = new BootLogParser();

    static List<ConsoleEvent> decode(String fixture) throws IOException {
        try (InputStream in = BootLogParserTest.class.getResourceAsStream("/fixtures/console/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            LineFramer framer = new LineFramer();
            BootLogParser parser = new BootLogParser();
            List<ConsoleEvent> events = new ArrayList<>();
            framer.feed(in.readAllBytes()).forEach(l -> parser.parse(l.text()).ifPresent(events::add));
            framer.finish(l -> parser.parse(l.text()).ifPresent(events::add));
            return events;
        }
    }

    private static List<ConsoleEventType> types(List<ConsoleEvent> events) {
        return events.stream().map(ConsoleEvent::type).toList();
    }

    @Test
    void tv2HkvsPromptTftpAndCpuReset() throws IOException {
        List<ConsoleEvent> e = decode("ds7732ni-i4b-tv2-bootcmd-misuse.log");
        assertThat(types(e)).containsExactly(HKVS_PROMPT, HKVS_PROMPT, MAC, TFTP_START, TFTP_FILE, TFTP_BYTES,
                CPU_RESET, CPU_RESET);
        assertThat(e.get(0).fields()).containsEntry("command", "setenv ipaddr 192.0.0.64");
        assertThat(e.get(2).fields()).containsExactly(Map.entry("mac", "08-a1-89-0e-18-97"));
        assertThat(e.get(3).fields()).containsEntry("serverIp", "192.0.0.128").containsEntry("deviceIp", "192.0.0.64");
        assertThat(e.get(4).field("file")).isEqualTo("digicap.dav");
        assertThat(e.get(5).fields()).containsEntry("bytes", "53322144").containsEntry("hex", "32da1a0");
        assertThat(e.get(6).field("reason")).isEqualTo("undefined instruction");
        assertThat(e.get(7).field("reason")).isEqualTo("Resetting CPU");
        assertThat(e.get(7).evidence()).isEqualTo(ConsoleEventType.Evidence.FAILURE);
    }

    @Test
    void tv3UpgradeMenuBoardInfoAndRejectedPackage() throws IOException {
        List<ConsoleEvent> e = decode("ds7108ni-q1-tv3-upgrade-mismatch.log");
        assertThat(types(e)).containsExactly(BOOT_BANNER, AUTOBOOT_GATE, UPGRADE_MENU, FS_ERROR, TFTP_START,
                TFTP_FILE, BOARD_INFO, PACKAGE_MISMATCH);
        assertThat(e.get(0).fields()).containsEntry("version", "2010.06-svn19235")
                .containsEntry("date", "Jan 15 2018 - 20:50:54");
        assertThat(e.get(1).field("countdown")).isEqualTo("0");
        assertThat(e.get(4).fields()).containsEntry("serverIp", "192.0.0.128").containsEntry("deviceIp", "192.0.0.2");
        assertThat(e.get(6).fields()).containsEntry("language", "0x1").containsEntry("deviceClass", "0x5DE")
                .containsEntry("oemCode", "0x1");
    }

    @Test
    void tv3SuccessBranch() throws IOException {
        List<ConsoleEvent> e = decode("ds7108ni-q1-tv3-upgrade-success.log");
        assertThat(types(e)).containsExactly(TFTP_FILE, TFTP_BYTES, BOARD_INFO, PACKAGE_OK, UPGRADE_DONE);
        assertThat(e.get(1).fields()).containsExactly(Map.entry("bytes", "16007532"));
    }

    @Test
    void tv5OldCameraUBootWithSingleDigitDay() throws IOException {
        List<ConsoleEvent> e = decode("ds2cd2132-tv5-busybox.log");
        assertThat(types(e)).containsExactly(BOOT_BANNER, AUTOBOOT_GATE);
        assertThat(e.get(0).fields()).containsEntry("version", "1.3.4-30623").containsEntry("date", "Dec 6 2012 - 11:05:48");
    }

    @Test
    void a2NvrBootOrder() throws IOException {
        List<ConsoleEvent> e = decode("nvr-a2-boot.log");
        assertThat(types(e)).containsExactly(BOOT_BANNER, AUTOBOOT_GATE, RSA_OK, KERNEL_START);
        assertThat(e.get(0).field("version")).isEqualTo("2010.06-svn64409");
    }

    @Test
    void a3CameraAutoRecovery() throws IOException {
        List<ConsoleEvent> e = decode("camera-a3-tftp-autorecovery.log");
        assertThat(types(e)).containsExactly(BOOT_BANNER, AUTOBOOT_GATE, TFTP_START, TFTP_FILE, TFTP_BYTES,
                UPGRADE_DONE);
        assertThat(e.get(0).field("version")).isEqualTo("2010.06-113941");
        assertThat(e.get(3).field("file")).isEqualTo("digicap.dav");
    }

    @Test
    void haltsTftpFailuresAndBootargs() throws IOException {
        List<ConsoleEvent> e = decode("halts.log");
        assertThat(types(e)).containsExactly(HALT, HALT, HALT, TFTP_FAIL, TFTP_FAIL, BOOTARGS);
        assertThat(e.stream().limit(3).map(x -> x.field("reason")))
                .containsExactly("LZMA data is corrupt", "unexpected EOF", "CRAMFS LOAD ERROR");
        assertThat(e.get(3).field("reason")).isEqualTo("Retry count exceeded");
        assertThat(e.get(4).field("reason")).isEqualTo("File not found");
        assertThat(e.get(5).fields()).containsEntry("tty", "ttyS2").containsEntry("baud", "115200");
    }

    @Test
    void bannerAfterAPowerOnGlitchStillCountsButNotInsideOtherText() {
        assertThat(parser.parse("\uFFFD  U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)")).map(ConsoleEvent::type)
                .contains(BOOT_BANNER);
        assertThat(parser.parse("x7$\uFFFDU-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)")).map(ConsoleEvent::type)
                .contains(BOOT_BANNER);
        assertThat(parser.parse("loading U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)")).isEmpty();
        assertThat(parser.parse("Ünï loading U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)")).isEmpty();
        assertThat(parser.parse("U-Boot is great")).isEmpty();
        assertThat(parser.parse("hit ctrl+u to stop autoboot: 3")).map(ConsoleEvent::type).contains(AUTOBOOT_GATE);
        assertThat(parser.parse("Hit any key to stop autoboot:  2")).map(ConsoleEvent::type).contains(AUTOBOOT_GATE);
    }

    @Test
    void nothingAndNoiseAreNoEvent() {
        assertThat(parser.parse(null)).isEmpty();
        assertThat(parser.parse("")).isEmpty();
        assertThat(parser.parse("\uFFFD\uFFFD@#x")).isEmpty();
        assertThat(parser.parse("nand booting ...")).isEmpty();
        Optional<ConsoleEvent> halted = parser.parse("-- System halted");
        assertThat(halted).map(x -> x.field("reason")).contains("System halted");
        assertThat(parser.parse("MAC: 08-A1-89-0E-18")).isEmpty();
    }

    @Test
    void everyTypeHasItsEvidence() {
        assertThat(BOOT_BANNER.evidence()).isEqualTo(ConsoleEventType.Evidence.BOOT);
        assertThat(AUTOBOOT_GATE.evidence()).isEqualTo(ConsoleEventType.Evidence.BOOT);
        assertThat(List.of(HALT, CPU_RESET, FS_ERROR)).allMatch(t -> t.evidence() == ConsoleEventType.Evidence.FAILURE);
        assertThat(List.of(KERNEL_START, HKVS_PROMPT, TFTP_FAIL, PACKAGE_MISMATCH))
                .allMatch(t -> t.evidence() == ConsoleEventType.Evidence.INFO);
    }
}
