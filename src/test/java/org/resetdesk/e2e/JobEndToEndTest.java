package org.resetdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.resetdesk.e2e.E2eRig.Recorder;
import org.resetdesk.e2e.E2eRig.Result;
import org.resetdesk.testsupport.SecretScan;

/**
 * Issue 3 end to end, the happy paths and the password scan (the guards are in
 * {@link GuardEndToEndTest}): the real {@code resetdesk} CLI in
 * a kiosk namespace, one real virtual recorder per scenario in a namespace of its own behind its own dedicated port.
 * Every scenario checks the job's state, guard status and void reason through {@code job status --json} /
 * {@code job events --json}, and that {@code audit verify} passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobEndToEndTest {
    static final String PASSWORD = "Tr4vel-Blue9";

    E2eRig rig;
    Recorder nvr;
    Recorder dvrOtherSubnet;
    Recorder inactive;
    Recorder mailbox;

    @BeforeAll
    void startRecorders() throws Exception {
        rig = E2eRig.create();
        nvr = rig.recorder("nvr", "10.93.1.1/24", "10.93.1.64/24");
        dvrOtherSubnet = rig.recorder("dvr", "10.93.2.1/24", "192.168.1.64/24");
        inactive = rig.recorder("inactive", "10.93.3.1/24", "10.93.3.64/24");
        mailbox = rig.recorder("nvr", "10.93.4.1/24", "10.93.4.64/24");
        for (Recorder r : List.of(nvr, dvrOtherSubnet, inactive, mailbox)) {
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

        Desk.Check check = desk.check(id);
        JsonNode status = check.status();
        assertThat(status.get("state").asText()).isEqualTo("AFTERCARE");
        assertThat(status.get("voidReason").isNull()).isTrue();
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        List<JsonNode> events = check.events();
        assertThat(Desk.types(events)).containsSubsequence("state.IDENTIFIED", "export.written",
                "state.REQUEST_EXPORTED", "guard.armed", "reply.received", "reset.success", "state.PASSWORD_SET",
                "state.AFTERCARE").doesNotContain("guard.voided");
        assertThat(Desk.detailOf(events, "export.written"))
                .contains("sha256=" + sha256(request));

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
        Desk.Check check = desk.check(id);
        assertThat(check.status().get("state").asText()).isEqualTo("PASSWORD_SET");
        assertThat(check.status().get("method").asText()).isEqualTo("DEVICE_CODE");
        assertThat(check.types()).containsSubsequence("state.REQUEST_EXPORTED", "reply.received",
                "reset.success", "state.PASSWORD_SET");
    }

    @Test
    void anInactiveRecorderIsReportedItsExportRefusedAndItIsActivated() throws Exception {
        Desk desk = rig.desk(inactive);
        String id = desk.open(inactive.serial());
        JsonNode c = desk.connect(id);
        assertThat(c.get("recommended").asText()).as("no reset method for an inactive recorder: %s", c)
                .isEqualTo("null");
        Path request = desk.dir.resolve("r.xml");
        Result export = desk.run(null, "job", "export", id, "--out", request.toString(), "--method",
                "encrypted-string");
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err()).contains("not activated").contains("activation");
        assertThat(export.out()).isEmpty();
        assertThat(Files.exists(request)).isFalse();

        Result activated = desk.run(PASSWORD + "\n", "job", "activate", id, "--password-stdin");
        assertThat(activated.exit()).as("%s %s", activated.out(), activated.err()).isZero();
        JsonNode device = inactive.state();
        assertThat(device.get("activated").asBoolean()).isTrue();
        assertThat(device.get("exportedAt").isNull()).as("nothing was exported").isTrue();
        Desk.Check check = desk.check(id);
        assertThat(check.status().get("state").asText()).isEqualTo(activated.json().get("state").asText())
                .isIn("PASSWORD_SET", "AFTERCARE");
        assertThat(check.status().get("exportedAt").isNull()).isTrue();
        assertThat(check.types()).contains("state.IDENTIFIED").doesNotContain("export.written", "guard.armed");
        SecretScan.assertAbsent(PASSWORD.toCharArray(), desk.db.getParent(), desk.data);
    }

    @Test
    void reservedEmailExportsTheQrCodeNamesTheMailboxAndTheMailedCodeResets() throws Exception {
        Desk desk = rig.desk(mailbox);
        String id = desk.openAndConnect();
        Path request = desk.dir.resolve("qr.txt");
        JsonNode exported = desk.export(id, request, "--method", "reserved-email");
        assertThat(exported.get("method").asText()).isEqualTo("RESERVED_EMAIL");
        assertThat(exported.get("state").asText()).isEqualTo("REQUEST_EXPORTED");
        assertThat(exported.get("codeSentTo").asText()).isEqualTo("o***@example.net");
        assertThat(mailbox.state().get("exportedAt").isNull()).as("the device holds a challenge").isFalse();

        Result bad = desk.run(null, "job", "export", id, "--out", desk.dir.resolve("x").toString(), "--method",
                "guid-file");
        assertThat(bad.exit()).as("bad usage").isEqualTo(2);
        assertThat(bad.err()).contains("--method must be encrypted-string, device-code or reserved-email");

        String code = desk.answerKey(request); // training: the support desk plays the vendor's mailer
        Result imported = desk.importKey(id, code, PASSWORD);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get("result").asText()).isEqualTo("SUCCESS");
        Desk.Check check = desk.check(id);
        assertThat(check.status().get("state").asText()).isEqualTo("PASSWORD_SET");
        assertThat(check.types()).containsSubsequence("export.written", "guard.armed", "reply.received",
                "reset.success");
        SecretScan.assertAbsent(PASSWORD.toCharArray(), desk.db.getParent(), desk.data);
    }

    static String sha256(Path f) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(f)));
    }
}
