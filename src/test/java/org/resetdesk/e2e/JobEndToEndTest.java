package org.resetdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.resetdesk.e2e.E2eRig.Recorder;
import org.resetdesk.e2e.E2eRig.Result;
import org.resetdesk.testsupport.NsProcess;
import org.resetdesk.testsupport.SecretScan;

/**
 * Issue 3 end to end: the real {@code resetdesk} CLI in a kiosk namespace, one real virtual recorder per scenario in a
 * namespace of its own behind its own dedicated port. Every scenario checks the job's state, guard status and void
 * reason through {@code job status --json} / {@code job events --json}, and that {@code audit verify} passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobEndToEndTest {
    static final String PASSWORD = "Tr4vel-Blue9";
    static final Duration WAIT = Duration.ofSeconds(30);

    E2eRig rig;
    Recorder nvr;
    Recorder dvrOtherSubnet;
    Recorder inactive;
    Recorder rebooted;
    Recorder readdressed;
    Recorder reExported;
    Recorder expired;
    Recorder locked;

    @BeforeAll
    void startRecorders() throws Exception {
        rig = E2eRig.create();
        nvr = rig.recorder("nvr", "10.93.1.1/24", "10.93.1.64/24");
        dvrOtherSubnet = rig.recorder("dvr", "10.93.2.1/24", "192.168.1.64/24");
        inactive = rig.recorder("inactive", "10.93.3.1/24", "10.93.3.64/24");
        rebooted = rig.recorder("nvr", "10.93.4.1/24", "192.168.4.64/24");
        readdressed = rig.recorder("nvr", "10.93.5.1/24", "10.93.5.64/24");
        reExported = rig.recorder("nvr", "10.93.6.1/24", "10.93.6.64/24");
        expired = rig.recorder("dvr", "10.93.7.1/24", "10.93.7.64/24");
        locked = rig.recorder("dvr", "10.93.8.1/24", "10.93.8.64/24");
        for (Recorder r : List.of(nvr, dvrOtherSubnet, inactive, rebooted, readdressed, reExported, expired, locked)) {
            r.awaitStarted();
        }
    }

    @AfterAll
    void tearDown() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void nvrEncryptedStringWithAReplyFileThenAftercareAndThePasswordIsNowhere() throws Exception {
        Desk desk = rig.desk(nvr);
        assertThat(nvr.started.get("loopEnable").asBoolean()).as("overwrite is off at start").isFalse();
        assertThat(nvr.started.get("hikConnectBound").asBoolean()).as("bound to an old account at start").isTrue();
        String id = desk.openAndConnect();
        Path request = desk.dir.resolve("request.xml");
        Path reply = desk.dir.resolve("reply.xml");
        JsonNode exported = desk.export(id, request, "--method", "encrypted-string");
        assertThat(exported.get("method").asText()).isEqualTo("ENCRYPTED_STRING");
        desk.answerFile(request, reply);

        Result imported = desk.importFile(id, reply, PASSWORD);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get("result").asText()).isEqualTo("SUCCESS");
        assertThat(imported.json().get("state").asText()).isEqualTo("PASSWORD_SET");

        Result after = desk.run(PASSWORD + "\n", "job", "aftercare", id, "--password-stdin", "--enable-overwrite",
                "--unbind-hik-connect");
        assertThat(after.exit()).as("%s %s", after.out(), after.err()).isZero();
        JsonNode device = nvr.state();
        assertThat(device.get("loopEnable").asBoolean()).isTrue();
        assertThat(device.get("hikConnectBound").asBoolean()).isFalse();
        assertThat(device.get("passwordChangedAt").isNull()).isFalse();

        JsonNode status = desk.status(id);
        assertThat(status.get("state").asText()).isEqualTo("AFTERCARE");
        assertThat(status.get("voidReason").isNull()).isTrue();
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        List<JsonNode> events = desk.events(id);
        assertThat(Desk.types(events)).containsSubsequence("state.IDENTIFIED", "export.written",
                "state.REQUEST_EXPORTED", "guard.armed", "reply.received", "reset.success", "state.PASSWORD_SET",
                "state.AFTERCARE").doesNotContain("guard.voided");
        assertThat(Desk.detailOf(events, "export.written"))
                .contains("sha256=" + sha256(request));
        desk.auditVerifies();

        char[] secret = PASSWORD.toCharArray();
        SecretScan.assertAbsent(secret, desk.db.getParent(), desk.data);
        Path output = Files.writeString(desk.dir.resolve("all-child-output.txt"), rig.allOutput());
        assertThat(Files.readString(output)).contains("\"result\":\"SUCCESS\""); // the capture is really there
        SecretScan.assertAbsent(secret, output);
    }

    @Test
    void dvrDeviceCodeWithTheKeyAcrossSubnets() throws Exception {
        Desk desk = rig.desk(dvrOtherSubnet);
        String id = desk.open(dvrOtherSubnet.serial());
        JsonNode c = desk.connect(id);
        assertThat(c.get("ipv4").asText()).isEqualTo("192.168.1.64"); // not in the kiosk port's 10.93.2.0/24
        Path request = desk.dir.resolve("request.xml");
        assertThat(desk.export(id, request, "--method", "device-code").get("method").asText())
                .isEqualTo("DEVICE_CODE");
        String key = desk.answerKey(request);
        assertThat(key).hasSize(8);

        Result imported = desk.importKey(id, key, PASSWORD);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get("result").asText()).isEqualTo("SUCCESS");
        JsonNode status = desk.status(id);
        assertThat(status.get("state").asText()).isEqualTo("PASSWORD_SET");
        assertThat(status.get("method").asText()).isEqualTo("DEVICE_CODE");
        assertThat(Desk.types(desk.events(id))).containsSubsequence("state.REQUEST_EXPORTED", "reply.received",
                "reset.success", "state.PASSWORD_SET");
        desk.auditVerifies();
    }

    @Test
    void anInactiveRecorderIsReportedAndItsExportIsRefused() throws Exception {
        Desk desk = rig.desk(inactive);
        String id = desk.open(inactive.serial());
        JsonNode c = desk.connect(id);
        assertThat(c.get("recommended").asText()).as("no reset method for an inactive recorder: %s", c)
                .isEqualTo("null");
        Result export = desk.run(null, "job", "export", id, "--out", desk.dir.resolve("r.xml").toString(),
                "--method", "encrypted-string");
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err()).contains("not activated").contains("activation");
        assertThat(export.out()).isEmpty();
        assertThat(Files.exists(desk.dir.resolve("r.xml"))).isFalse();
        JsonNode status = desk.status(id);
        assertThat(status.get("state").asText()).isEqualTo("IDENTIFIED");
        assertThat(status.get("exportedAt").isNull()).isTrue();
        desk.auditVerifies();
    }

    @Test
    void aRebootDuringTheWatchVoidsTheAttempt() throws Exception {
        Desk desk = rig.desk(rebooted);
        String id = desk.openAndConnect();
        desk.export(id, desk.dir.resolve("request.xml"));
        long tx = rig.lab.counter(rig.kiosk, rebooted.port, "tx_packets");
        NsProcess watch = desk.start("job", "watch", "--period-ms", "500");
        // the watchdog is polling once the kiosk's dedicated port has sent a few more packets
        await().atMost(WAIT).until(() -> rig.lab.counter(rig.kiosk, rebooted.port, "tx_packets") >= tx + 3);
        assertThat(watch.stdout()).noneMatch(l -> l.contains("guard.voided"));

        NsProcess reboot = rebooted.ctlAsync("reboot", "--down-ms", "1000");
        long issued = reboot.awaitLine(0, l -> !l.isBlank(), WAIT).nanos();
        NsProcess.Line voided = watch.awaitLine(0, l -> l.contains("\"guard.voided\""), WAIT);
        long ms = (voided.nanos() - issued) / 1_000_000;
        System.out.println("E2E reboot-detection latency: " + ms + " ms");
        JsonNode v = E2eRig.json(voided.text());
        assertThat(v.get("job").asText()).isEqualTo(id);
        assertThat(v.get("detail").asText()).startsWith("the recorder restarted");

        JsonNode status = desk.status(id); // works while the watch holds the store open
        watch.close();
        assertThat(status.get("state").asText()).isEqualTo("VOIDED");
        assertThat(status.get("guard").asText()).isEqualTo("RESTARTED");
        assertThat(status.get("voidReason").asText()).startsWith("the recorder restarted");
        assertThat(Desk.types(desk.events(id))).containsSubsequence("guard.armed", "guard.voided", "state.VOIDED");
        desk.auditVerifies();
    }

    @Test
    void anAddressChangeVoidsTheAttemptAsNetworkChanged() throws Exception {
        Desk desk = rig.desk(readdressed);
        String id = desk.openAndConnect();
        desk.export(id, desk.dir.resolve("request.xml"));
        readdressed.ctl("set-ip", "10.93.5.65/24");
        Result once = desk.ok(null, "job", "watch", "--once");
        assertThat(once.out()).anyMatch(l -> l.contains("\"guard.voided\"") && l.contains("network changed"));

        JsonNode status = desk.status(id);
        assertThat(status.get("state").asText()).isEqualTo("VOIDED");
        assertThat(status.get("guard").asText()).isEqualTo("NETWORK_CHANGED");
        assertThat(status.get("voidReason").asText()).startsWith("network changed");
        assertThat(Desk.types(desk.events(id))).containsSubsequence("guard.armed", "guard.voided", "state.VOIDED");
        desk.auditVerifies();
    }

    @Test
    void reExportNeedsConfirmationVoidsTheOldAttemptAndTheOldReplyNoLongerWorks() throws Exception {
        Desk desk = rig.desk(reExported);
        String id = desk.openAndConnect();
        Path first = desk.dir.resolve("first.xml");
        Path firstReply = desk.dir.resolve("first-reply.xml");
        desk.export(id, first, "--method", "encrypted-string");
        desk.answerFile(first, firstReply);

        Path second = desk.dir.resolve("second.xml");
        Result refused = desk.run(null, "job", "export", id, "--out", second.toString(), "--method",
                "encrypted-string");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).containsIgnoringCase("confirm");
        assertThat(Files.exists(second)).isFalse();

        // the low-level command refuses a recorder that has an open job, naming it
        Path lowLevel = desk.dir.resolve("low-level.xml");
        Result sadp = desk.run(null, "sadp", "export", "--interface", reExported.port, "--mac", reExported.mac(),
                "--out", lowLevel.toString());
        assertThat(sadp.exit()).isEqualTo(1);
        assertThat(sadp.err()).contains(id);
        assertThat(Files.exists(lowLevel)).isFalse();

        JsonNode again = desk.export(id, second, "--method", "encrypted-string", "--confirm-re-export");
        assertThat(again.get("attempts").asInt()).isEqualTo(2);
        List<JsonNode> events = desk.events(id);
        assertThat(Desk.detailOf(events, "guard.voided")).isEqualTo("a new request was exported");

        Result old = desk.importFile(id, firstReply, PASSWORD);
        assertThat(old.exit()).isEqualTo(1);
        assertThat(String.join("\n", old.out()) + old.err()).containsAnyOf("CODE_ERROR", "refused");
        JsonNode status = desk.status(id);
        assertThat(status.get("state").asText()).isNotEqualTo("PASSWORD_SET");
        assertThat(status.get("attempts").asInt()).isEqualTo(2);
        assertThat(reExported.state().get("passwordChangedAt").isNull()).isTrue();
        desk.auditVerifies();
    }

    @Test
    void aDeviceClockPastTheValidityVoidsTheAttemptAsExpired() throws Exception {
        Desk desk = rig.desk(expired);
        String id = desk.openAndConnect();
        Path request = desk.dir.resolve("request.xml");
        desk.export(id, request, "--method", "device-code");
        String key = desk.answerKey(request);
        expired.ctl("clock", "+49h");

        Result imported = desk.importKey(id, key, PASSWORD);
        assertThat(imported.exit()).isEqualTo(1);
        assertThat(imported.json().get("result").asText()).isEqualTo("EXPORT_FILE_OVERDUE");
        JsonNode status = desk.status(id);
        assertThat(status.get("state").asText()).isEqualTo("VOIDED");
        assertThat(status.get("guard").asText()).isEqualTo("EXPIRED");
        assertThat(status.get("voidReason").asText()).isEqualTo("the request expired");
        assertThat(Desk.types(desk.events(id))).containsSubsequence("reset.failed", "guard.voided", "state.VOIDED");
        desk.auditVerifies();
    }

    @Test
    void wrongKeysLockTheRecorderAndTheKioskSendsNothingWhileLocked() throws Exception {
        Desk desk = rig.desk(locked);
        String id = desk.openAndConnect();
        Path request = desk.dir.resolve("request.xml");
        desk.export(id, request, "--method", "device-code");
        String key = desk.answerKey(request);
        String wrong = wrongKey(key);

        int sent = 0;
        Result r;
        do {
            r = desk.importKey(id, wrong, PASSWORD);
            sent++;
            assertThat(r.exit()).isEqualTo(1);
            if (r.json().get("result").asText().equals("CODE_ERROR")) {
                assertThat(r.json().get("retriesLeft").asInt()).isEqualTo(5 - sent);
                assertThat(desk.status(id).get("retriesLeft").asInt()).isEqualTo(5 - sent);
            }
        } while (r.json().get("result").asText().equals("CODE_ERROR") && sent < 10);
        assertThat(r.json().get("result").asText()).isEqualTo("LOCKED");
        assertThat(r.json().get("lockedMinutes").asInt()).isPositive();

        Result right = desk.importKey(id, key, PASSWORD);
        assertThat(right.exit()).isEqualTo(1);
        assertThat(right.err()).contains("locked").contains("min");
        JsonNode device = locked.state();
        assertThat(device.get("failedAttempts").asInt()).as("codes the recorder received").isEqualTo(sent);
        assertThat(device.get("passwordChangedAt").isNull()).isTrue();

        JsonNode status = desk.status(id);
        assertThat(status.get("lockedUntil").isNull()).isFalse();
        assertThat(Desk.types(desk.events(id))).contains("reset.codeError", "reset.locked");
        desk.auditVerifies();
    }

    /** The same shape as {@code key} (digits stay digits, letters stay letters) but different in every place. */
    static String wrongKey(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isDigit(c)) {
                sb.append((char) ('0' + (c - '0' + 1) % 10));
            } else if (Character.isUpperCase(c)) {
                sb.append((char) ('A' + (c - 'A' + 1) % 26));
            } else if (Character.isLowerCase(c)) {
                sb.append((char) ('a' + (c - 'a' + 1) % 26));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String sha256(Path f) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(f)));
    }
}
