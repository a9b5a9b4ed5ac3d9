package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpDocument;

/** The faults staff must face: lockout, expiry, reboot, re-export, weak passwords, addressing, truncation. */
class FaultsTest {
    private static final String PW = "Counter7Reset";

    private static String replyFile(String exported) throws SupportDesk.Refused {
        return new String(SupportDesk.answer(exported.getBytes(StandardCharsets.US_ASCII)).replyFile(),
                StandardCharsets.US_ASCII);
    }

    @Test
    void fiveWrongCodesLockForThirtyMinutesOfTheRecordersClock() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            String right = replyFile(c.call("getencryptstring", List.of()).get("EncryptString"));
            for (int left = 4; left >= 1; left--) {
                SadpDocument d = c.reset("WRONGKEY", PW);
                assertThat(d.get("Result")).isEqualTo("codeError");
                assertThat(d.integer("RetryTimes")).isEqualTo(left);
            }
            SadpDocument locked = c.reset("WRONGKEY", PW);
            assertThat(locked.get("Result")).isEqualTo("locked");
            assertThat(locked.integer("SurplusLockTime")).isEqualTo(30);
            assertThat(rt.recorder().snapshot().lockedUntil()).isNotNull();
            SadpDocument stillLocked = c.reset(right, PW);
            assertThat(stillLocked.get("Result")).isEqualTo("locked");
            assertThat(Recorders.control(rt.controlPort(), "/clock?advance=%2B29m").statusCode()).isEqualTo(200);
            assertThat(c.reset(right, PW).integer("SurplusLockTime")).isEqualTo(1);
            Recorders.control(rt.controlPort(), "/clock?advance=%2B2m");
            assertThat(c.reset(right, PW).get("Result")).isEqualTo("success");
        }
    }

    @Test
    void exportExpiresAfter48HoursOfTheRecordersOwnClock() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            String file = replyFile(c.call("getencryptstring", List.of()).get("EncryptString"));
            Recorders.control(rt.controlPort(), "/clock?advance=%2B47h");
            assertThat(rt.recorder().snapshot().pendingExport()).isTrue();
            Recorders.control(rt.controlPort(), "/clock?advance=%2B61m");
            assertThat(c.reset(file, PW).get("Result")).isEqualTo("exportFileOverDue");
            assertThat(rt.recorder().account().checkPassword(PW.toCharArray())).isFalse();
        }
    }

    @Test
    void dvrExportExpiresAfter24Hours() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.DVR); SadpTestClient c = Recorders.client(rt)) {
            String key = SupportDesk.answer(c.call("getcode", List.of()).get("Code").getBytes(StandardCharsets.US_ASCII))
                    .key();
            Recorders.control(rt.controlPort(), "/clock?advance=%2B25h");
            assertThat(c.reset(key, "Shop4Counter!").get("Result")).isEqualTo("exportFileOverDue");
        }
    }

    @Test
    void rebootLosesTheChallengeIsSilentAndComesBackWithANewBootTimeAndHello() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt);
             GroupListener group = new GroupListener(rt.sadpPort())) {
            String bootBefore = c.inquiry().get("BootTime");
            String file = replyFile(c.call("getencryptstring", List.of()).get("EncryptString"));
            var resp = Recorders.control(rt.controlPort(), "/reboot?downMs=400");
            assertThat(resp.body()).contains("\"power\":\"booting\"").contains("\"pendingExport\":false");
            // silent while down: the probe sent now is never answered, even after the boot
            String lostUuid = SadpTestClient.uuid();
            c.sendRaw(SadpCodec.probe(lostUuid, null, "inquiry", List.of()));
            SadpDocument hello = group.next(d -> "Hello".equals(d.root()), 5000);
            assertThat(hello.get("Uuid")).isNull();
            assertThat(hello.types()).isEqualTo("hello");
            assertThat(hello.get("MAC")).isEqualTo(rt.recorder().mac());
            assertThat(hello.get("BootTime")).isNotEqualTo(bootBefore).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            SadpDocument after = c.inquiry();
            assertThat(after.get("BootTime")).isEqualTo(hello.get("BootTime"));
            assertThat(c.reset(file, PW).get("Result")).isEqualTo("emptyEncryptString");
        }
    }

    @Test
    void announcesHelloToTheGroupAtStart() throws Exception {
        int port;
        try (java.net.DatagramSocket free = new java.net.DatagramSocket(0)) {
            port = free.getLocalPort();
        }
        try (GroupListener group = new GroupListener(port);
             RecorderRuntime rt = RecorderRuntime.start(RecorderConfig.training(Profile.DVR), "lo", port, null)) {
            SadpDocument hello = group.next(d -> "Hello".equals(d.root()), 5000);
            assertThat(hello.get("DeviceSN")).isEqualTo(rt.recorder().serial());
            assertThat(hello.get("BootTime")).isEqualTo(rt.recorder().snapshot().bootTime());
            assertThat(hello.get("AnalogChannelNum")).isEqualTo("8");
            assertThat(rt.controlPort()).isEqualTo(-1);
        }
    }

    @Test
    void powerOffIsSilentUntilPowerOn() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.CAMERA); SadpTestClient c = Recorders.client(rt);
             GroupListener group = new GroupListener(rt.sadpPort())) {
            Recorders.control(rt.controlPort(), "/power-off");
            assertThat(rt.recorder().handle(SadpCodec.probe("A", null, "inquiry", List.of()))).isEmpty();
            assertThat(Recorders.control(rt.controlPort(), "/reboot").statusCode()).isEqualTo(400);
            Recorders.control(rt.controlPort(), "/power-on?downMs=100");
            assertThat(group.next(d -> "Hello".equals(d.root()), 5000).get("DeviceSN")).isEqualTo(rt.recorder().serial());
            assertThat(c.inquiry().get("DeviceSN")).isEqualTo(rt.recorder().serial());
        }
    }

    @Test
    void aNewExportReplacesTheOldChallenge() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            String first = replyFile(c.call("getencryptstring", List.of()).get("EncryptString"));
            String second = replyFile(c.call("getencryptstring", List.of()).get("EncryptString"));
            assertThat(first).isNotEqualTo(second);
            SadpDocument old = c.reset(first, PW);
            assertThat(old.get("Result")).isEqualTo("codeError");
            assertThat(old.integer("RetryTimes")).isEqualTo(4);
            assertThat(c.reset(second, PW).get("Result")).isEqualTo("success");
        }
    }

    @Test
    void weakPasswordsAreRiskyAndKeepTheChallenge() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.DVR); SadpTestClient c = Recorders.client(rt)) {
            String key = SupportDesk.answer(c.call("getcode", List.of()).get("Code").getBytes(StandardCharsets.US_ASCII))
                    .key();
            for (String weak : List.of("12345", "abcdefgh", "admin123X", "Pass1111word", "Ab56789xyz")) {
                assertThat(c.reset(key, weak).get("Result")).as(weak).isEqualTo("riskPassword");
            }
            assertThat(rt.recorder().snapshot().failedAttempts()).isZero();
            assertThat(c.reset(key, "Shop4Counter!").get("Result")).isEqualTo("success");
        }
    }

    @Test
    void commandsForAnotherMacGetNoReply() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            c.sendRaw(SadpCodec.probe(SadpTestClient.uuid(), "00-11-22-33-44-55", "getencryptstring", List.of()));
            SadpDocument probe = c.inquiry(); // replies come in order: nothing for the foreign command came first
            assertThat(probe.get("MAC")).isEqualTo(rt.recorder().mac());
            assertThat(rt.recorder().snapshot().pendingExport()).isFalse();
            String upper = rt.recorder().mac().toUpperCase(java.util.Locale.ROOT).replace('-', ':');
            assertThat(c.call(SadpTestClient.uuid(), upper, "getencryptstring", List.of()).get("Result"))
                    .isEqualTo("success");
        }
    }

    @Test
    void repliesGoToTheGroupAndUnicastOnlyToSendersInTheRecordersSubnet() throws Exception {
        var config = RecorderConfig.training(Profile.NVR).withIp("192.168.1.64/24", "192.168.1.1");
        try (RecorderRuntime rt = Recorders.start(config); GroupListener group = new GroupListener(rt.sadpPort());
             DatagramChannel sender = DatagramChannel.open()) {
            sender.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            String uuid = SadpTestClient.uuid();
            sender.send(ByteBuffer.wrap(SadpCodec.probe(uuid, null, "inquiry", List.of())),
                    new java.net.InetSocketAddress("127.0.0.1", rt.sadpPort()));
            SadpDocument viaGroup = group.next(d -> "ProbeMatch".equals(d.root()) && uuid.equals(d.get("Uuid")), 5000);
            assertThat(viaGroup.get("IPv4Address")).isEqualTo("192.168.1.64");
            assertThat(viaGroup.get("IPv4SubnetMask")).isEqualTo("255.255.255.0");
            // a unicast copy would have been queued before the group copy: the sender has nothing waiting
            sender.configureBlocking(false);
            assertThat(sender.receive(ByteBuffer.allocate(65_535))).isNull();

            Recorders.control(rt.controlPort(), "/set-ip?ip=127.0.0.9/8");
            try (SadpTestClient c = Recorders.client(rt)) {
                assertThat(c.inquiry().get("IPv4Address")).isEqualTo("127.0.0.9");
            }
        }
    }

    @Test
    void truncationQuirkCutsTheProbeMatchMidElement() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); GroupListener group = new GroupListener(rt.sadpPort());
             SadpTestClient c = Recorders.client(rt)) {
            Recorders.control(rt.controlPort(), "/quirks?truncate=true");
            String uuid = SadpTestClient.uuid();
            c.sendRaw(SadpCodec.probe(uuid, null, "inquiry", List.of()));
            SadpDocument cut = group.next(d -> "ProbeMatch".equals(d.root()) && uuid.equals(d.get("Uuid")), 5000);
            assertThat(cut.truncated()).isTrue();
            assertThat(cut.get("DSPVersion")).isNull();
            assertThat(cut.get("DeviceSN")).isEqualTo(rt.recorder().serial());
        }
    }

    @Test
    void inquiryV32EchoesTheUuidAndHostileRequestsAreDropped() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR)) {
            VirtualRecorder r = rt.recorder();
            byte[] v32 = r.handle(SadpCodec.probe("AB-1", null, "inquiry_v32", List.of())).orElseThrow();
            assertThat(SadpTestClient.decode(v32).get("Uuid")).isEqualTo("AB-1");
            assertThat(SadpTestClient.decode(v32).types()).isEqualTo("inquiry_v32");
            byte[] hostile = ("<?xml version=\"1.0\"?><Probe><Uuid>&lt;Types&gt;x&lt;/Types&gt;</Uuid>"
                    + "<Types>inquiry</Types></Probe>").getBytes(StandardCharsets.UTF_8);
            assertThat(r.handle(hostile)).isEmpty();
            assertThat(r.handle("<!DOCTYPE x [<!ENTITY a 'b'>]><Probe/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
            assertThat(r.handle(new byte[] {0, 1, 2, (byte) 0xff})).isEmpty();
            assertThat(r.handle(SadpCodec.probe("U", r.mac(), "lamp", List.of()))).isPresent();
            var random = new java.util.Random(11);
            for (int i = 0; i < 2000; i++) {
                byte[] junk = SadpCodec.probe("U" + i, r.mac(), "reset", List.of());
                junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
                r.handle(junk); // never throws, whatever the mutation
            }
            assertThat(r.isRunning()).isTrue();
        }
    }

    @Test
    void probeMatchLooksLikeTheCaptures() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR)) {
            byte[] raw = rt.recorder().handle(SadpCodec.probe("U-1", null, "inquiry", List.of())).orElseThrow();
            String text = new String(raw, StandardCharsets.UTF_8);
            assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ProbeMatch><Uuid>U-1</Uuid>\r\n");
            assertThat(text).doesNotContain("\r\n\r\n").contains("<DeviceLock>flase</DeviceLock>\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\n");
            SadpDocument d = SadpTestClient.decode(raw);
            assertThat(d.get("MAC")).matches("([0-9a-f]{2}-){5}[0-9a-f]{2}");
            assertThat(d.get("Salt")).matches("[0-9a-f]{64}");
            assertThat(org.resetdesk.job.SerialNumbers.shortSerial(d.get("DeviceSN"))).isPresent();
            List<String> order = List.copyOf(d.fields().keySet());
            assertThat(order.subList(0, 4)).containsExactly("Uuid", "Types", "DeviceType", "DeviceDescription");
            assertThat(order.indexOf("BootTime")).isLessThan(order.indexOf("Activated"));
        }
    }
}
