package org.resetdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.resetdesk.e2e.E2eRig.Recorder;
import org.resetdesk.e2e.E2eRig.Result;
import org.resetdesk.testsupport.NsProcess;

/**
 * Issue 3 end to end, the guards (the happy paths are in {@link JobEndToEndTest}): the real {@code resetdesk} CLI in
 * a kiosk namespace, one real virtual recorder per scenario in a namespace of its own behind its own dedicated port.
 * Every scenario checks the job's state, guard status and void reason through {@code job status --json} /
 * {@code job events --json}, and that {@code audit verify} passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuardEndToEndTest {
    static final String PASSWORD = "Tr4vel-Blue9";
    static final Duration WAIT = Duration.ofSeconds(30);

    E2eRig rig;
    Recorder rebooted;
    Recorder readdressed;
    Recorder reExported;
    Recorder expired;
    Recorder locked;
    Desk reExportDesk;
    String reExportJob;

    @BeforeAll
    void startRecorders() throws Exception {
        rig = E2eRig.create();
        rebooted = rig.recorder("nvr", "10.93.4.1/24", "192.168.4.64/24");
        readdressed = rig.recorder("nvr", "10.93.5.1/24", "10.93.5.64/24");
        reExported = rig.recorder("nvr", "10.93.6.1/24", "10.93.6.64/24");
        expired = rig.recorder("dvr", "10.93.7.1/24", "10.93.7.64/24");
        locked = rig.recorder("dvr", "10.93.8.1/24", "10.93.8.64/24");
        for (Recorder r : List.of(rebooted, readdressed, reExported, expired, locked)) {
            r.awaitStarted();
        }
        // the re-export scenario's first request, exported well before its second one (see that test)
        reExportDesk = rig.desk(reExported);
        reExportJob = reExportDesk.openAndConnect();
        Path first = reExportDesk.dir.resolve("first.xml");
        reExportDesk.export(reExportJob, first, "--method", "encrypted-string");
        reExportDesk.answerFile(first, reExportDesk.dir.resolve("first-reply.xml"));
    }

    @AfterAll
    void tearDown() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void aRebootDuringTheWatchVoidsTheAttempt() throws Exception {
        Desk desk = rig.desk(rebooted);
        String id = desk.openAndConnect();
        desk.export(id, desk.dir.resolve("request.xml"));
        long tx = rig.lab.counter(rig.kiosk, rebooted.port, "tx_packets");
        NsProcess watch = desk.start("job", "watch", "--period-ms", "500");
        // the watchdog is polling once the dedicated port has sent a few more packets (2 of them are the IGMP join
        // reports of its multicast socket; every probe is 2: multicast and subnet broadcast)
        await().atMost(WAIT).until(() -> rig.lab.counter(rig.kiosk, rebooted.port, "tx_packets") >= tx + 6);
        assertThat(watch.stdout()).noneMatch(l -> l.contains("guard.voided"));

        NsProcess reboot = rebooted.ctlAsync("reboot", "--down-ms", "1000");
        long issued = reboot.awaitLine(0, l -> !l.isBlank(), WAIT).nanos();
        NsProcess.Line voided = watch.awaitLine(0, l -> l.contains("\"guard.voided\""), WAIT);
        System.out.println("E2E reboot-detection latency: " + (voided.nanos() - issued) / 1_000_000 + " ms");
        JsonNode v = E2eRig.json(voided.text());
        assertThat(v.get("job").asText()).isEqualTo(id);
        assertThat(v.get("detail").asText()).startsWith("the recorder restarted");

        Desk.Check check = desk.check(id); // works while the watch holds the store open
        assertThat(watch.isAlive()).isTrue();
        watch.close();
        assertThat(check.status().get("state").asText()).isEqualTo("VOIDED");
        assertThat(check.status().get("guard").asText()).isEqualTo("RESTARTED");
        assertThat(check.status().get("voidReason").asText()).startsWith("the recorder restarted");
        assertThat(check.types()).containsSubsequence("guard.armed", "guard.voided", "state.VOIDED");
    }

    @Test
    @Order(2)
    void anAddressChangeVoidsTheAttemptAsNetworkChanged() throws Exception {
        Desk desk = rig.desk(readdressed);
        String id = desk.openAndConnect();
        desk.export(id, desk.dir.resolve("request.xml"));
        readdressed.ctl("set-ip", "10.93.5.65/24");
        Result once = desk.ok(null, "job", "watch", "--once");
        assertThat(once.out()).anyMatch(l -> l.contains("\"guard.voided\"") && l.contains("network changed"));

        Desk.Check check = desk.check(id);
        assertThat(check.status().get("state").asText()).isEqualTo("VOIDED");
        assertThat(check.status().get("guard").asText()).isEqualTo("NETWORK_CHANGED");
        assertThat(check.status().get("voidReason").asText()).startsWith("network changed");
        assertThat(check.types()).containsSubsequence("guard.armed", "guard.voided", "state.VOIDED");
    }

    /** Runs last: its first export happened in {@link #startRecorders}, long before the second. */
    @Test
    @Order(5)
    void reExportNeedsConfirmationVoidsTheOldAttemptAndTheOldReplyNoLongerWorks() throws Exception {
        Desk desk = reExportDesk;
        String id = reExportJob;
        Path firstReply = desk.dir.resolve("first-reply.xml");
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

        // a confirmed re-export may follow the first export within the same minute (one request file per attempt)
        JsonNode again = desk.export(id, second, "--method", "encrypted-string", "--confirm-re-export");
        assertThat(again.get("attempts").asInt()).isEqualTo(2);

        Result old = desk.importFile(id, firstReply, PASSWORD);
        assertThat(old.exit()).isEqualTo(1);
        System.out.println("E2E old reply after re-export: " + old.out() + " / " + old.err());
        assertThat(String.join("\n", old.out()) + old.err()).containsAnyOf("CODE_ERROR", "refused");
        assertThat(reExported.state().get("passwordChangedAt").isNull()).isTrue();
        Desk.Check check = desk.check(id);
        assertThat(check.status().get("state").asText()).isNotEqualTo("PASSWORD_SET");
        assertThat(check.status().get("attempts").asInt()).isEqualTo(2);
        assertThat(Desk.detailOf(check.events(), "guard.voided")).isEqualTo("a new request was exported");
        assertThat(check.types()).containsSubsequence("guard.armed", "guard.voided", "state.VOIDED",
                "state.REQUEST_EXPORTED", "guard.armed");
    }

    @Test
    @Order(3)
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
        assertThat(imported.err()).as("exit 1 says why on stderr").contains("EXPORT_FILE_OVERDUE")
                .contains("nothing is retried");
        Desk.Check check = desk.check(id);
        assertThat(check.status().get("state").asText()).isEqualTo("VOIDED");
        assertThat(check.status().get("guard").asText()).isEqualTo("EXPIRED");
        assertThat(check.status().get("voidReason").asText()).isEqualTo("the request expired");
        assertThat(check.types()).containsSubsequence("reset.failed", "guard.voided", "state.VOIDED");
    }

    @Test
    @Order(4)
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
            }
        } while (r.json().get("result").asText().equals("CODE_ERROR") && sent < 10);
        assertThat(r.json().get("result").asText()).isEqualTo("LOCKED");
        assertThat(r.json().get("lockedMinutes").asInt()).isPositive();
        assertThat(sent).isEqualTo(5);

        Result right = desk.importKey(id, key, PASSWORD);
        assertThat(right.exit()).isEqualTo(1);
        // refused by the kiosk's lockout guard before anything is sent: no device answer on stdout
        assertThat(right.err()).contains("refused: the recorder is locked for another").contains("min");
        assertThat(right.out()).isEmpty();
        JsonNode device = locked.state();
        assertThat(device.get("failedAttempts").asInt()).as("codes the recorder received").isEqualTo(sent);
        assertThat(device.get("passwordChangedAt").isNull()).isTrue();

        Desk.Check check = desk.check(id);
        assertThat(check.status().get("lockedUntil").isNull()).isFalse();
        assertThat(check.status().get("state").asText()).isEqualTo("AWAITING_REPLY");
        assertThat(check.types().stream().filter(t -> t.equals("reset.codeError"))).hasSize(4);
        assertThat(check.types()).containsSubsequence("reset.codeError", "reset.locked");
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

}
