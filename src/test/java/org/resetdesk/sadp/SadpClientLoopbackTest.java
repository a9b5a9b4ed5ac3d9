package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.DeviceOutcome.Kind;
import org.resetdesk.job.RecorderLink.ExportResult;
import org.resetdesk.job.RecorderLink.ResetReply;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.testsupport.TestSadpResponder;
import org.resetdesk.testsupport.TestSadpResponder.Profile;

/**
 * SadpClient against a test responder over real UDP on the loopback interface, on a unique port (never 37020 in the
 * host namespace). For developers without root; the namespace test covers the real topology.
 */
class SadpClientLoopbackTest {
    static final String MAC = "0a-00-27-00-00-01";
    int port;
    TestSadpResponder device;
    SadpClient client;

    @BeforeEach
    void setUp() throws IOException {
        port = freeUdpPort();
        device = TestSadpResponder.start("lo", port, Profile.nvr(MAC, "192.168.1.64"));
        client = new SadpClient("lo", port, Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        client.close();
        device.close();
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    @Test
    void discoversTheDeviceAndReportsItAsItArrives() {
        List<SadpClient.Found> seen = new CopyOnWriteArrayList<>();
        List<SadpClient.Found> all = client.discoverEach(Duration.ofMillis(1500), f -> seen.add(f));
        assertThat(all).hasSize(1);
        assertThat(seen).hasSize(1);
        SadpClient.Found f = all.get(0);
        assertThat(f.device().mac()).isEqualTo(MAC);
        assertThat(f.device().ipv4()).as("a device in another subnet is still found").isEqualTo("192.168.1.64");
        assertThat(f.elapsedMs()).isBetween(0L, 1500L);
        assertThat(client.port()).isEqualTo(new org.resetdesk.job.RecorderLink.PortIdentity("lo", "127.0.0.1"));
    }

    @Test
    void duplicateRepliesAreFoldedAndTwoDevicesAreTwo() throws IOException {
        try (TestSadpResponder second = TestSadpResponder.start("lo", port, Profile.nvr("0a-00-27-00-00-02",
                "192.168.1.65"))) {
            List<DeviceInfo> found = client.discover(Duration.ofMillis(1500), d -> { });
            assertThat(found).extracting(DeviceInfo::mac)
                    .containsExactlyInAnyOrder(MAC, "0a-00-27-00-00-02");
            // each device answered to the group AND unicast: two replies each, one report each
            assertThat(second.log()).contains("Probe:inquiry");
        }
    }

    @Test
    void stopsEarlyWhenTheCallerHasWhatItNeeds() {
        long t0 = System.nanoTime();
        client.discoverEach(Duration.ofSeconds(20), f -> false);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(10);
    }

    @Test
    void repliesToOtherProbesAreIgnored() throws Exception {
        CompletableFuture<List<SadpClient.Found>> run = CompletableFuture.supplyAsync(
                () -> client.discoverEach(Duration.ofMillis(800), f -> true));
        await().atMost(Duration.ofSeconds(5)).until(() -> device.log().contains("Probe:inquiry"));
        byte[] foreign = SadpCodec.deviceDocument("ProbeMatch", List.of(SadpCodec.Element.of("Uuid",
                "13A888A9-F1B1-4020-AE9F-05607682D23B"), SadpCodec.Element.of("Types", "inquiry"),
                SadpCodec.Element.of("MAC", "0a-00-27-00-00-99"), SadpCodec.Element.of("DeviceSN", "FOREIGN")));
        // sent from loopback, multicast pinned to lo: nothing leaves the machine
        try (java.nio.channels.DatagramChannel s = java.nio.channels.DatagramChannel.open(
                java.net.StandardProtocolFamily.INET)) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setOption(java.net.StandardSocketOptions.IP_MULTICAST_IF, java.net.NetworkInterface.getByName("lo"));
            s.send(java.nio.ByteBuffer.wrap(foreign), new InetSocketAddress("239.255.255.250", port));
            s.send(java.nio.ByteBuffer.wrap(new byte[] {0, 1, 2}), new InetSocketAddress("239.255.255.250", port));
        }
        assertThat(run.get(5, TimeUnit.SECONDS)).extracting(f -> f.device().mac()).containsExactly(MAC);
    }

    @Test
    void pollFindsByMacInAnySpellingAndTimesOutOtherwise() {
        assertThat(client.poll("0A:00:27:00:00:01", Duration.ofSeconds(2))).map(DeviceInfo::serial)
                .contains("DS-7608NI-K2/8P0820200101CCRRE12345678");
        assertThat(client.poll("0a-00-27-00-00-77", Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void exportReturnsTheChallengeExactly() {
        ExportResult r = client.export(MAC, ResetMethod.ENCRYPTED_STRING);
        assertThat(r.outcome().kind()).isEqualTo(Kind.SUCCESS);
        assertThat(new String(r.request(), StandardCharsets.UTF_8)).isEqualTo(device.pendingChallenge());
        ExportResult code = client.export(MAC, ResetMethod.DEVICE_CODE);
        assertThat(new String(code.request(), StandardCharsets.UTF_8)).isEqualTo(device.pendingChallenge());
        assertThat(device.log()).containsSubsequence("Probe:getencryptstring", "Probe:getcode");
    }

    @Test
    void resetWithTheRightKeyExchangesThenSetsThePassword() {
        client.export(MAC, ResetMethod.ENCRYPTED_STRING);
        char[] pw = "Newpass123!".toCharArray();
        DeviceOutcome o = client.reset(MAC, ResetReply.key("K3Y-" + MAC), pw, true, false);
        assertThat(o.kind()).isEqualTo(Kind.SUCCESS);
        assertThat(device.lastPassword()).containsExactly(pw);
        assertThat(device.log()).containsSubsequence("Probe:getencryptstring", "Probe:exchangecode", "Probe:reset");
    }

    @Test
    void wrongCodeIsReportedWithRetriesAndNeverResent() {
        client.export(MAC, ResetMethod.ENCRYPTED_STRING);
        DeviceOutcome o = client.reset(MAC, ResetReply.file("wrong".getBytes(StandardCharsets.UTF_8)),
                "Newpass123!".toCharArray(), false, false);
        assertThat(o).isEqualTo(new DeviceOutcome(Kind.CODE_ERROR, 4, null, "codeError"));
        assertThat(device.log().stream().filter("Probe:reset"::equals)).hasSize(1);
    }

    @Test
    void fiveWrongCodesLockTheDevice() {
        client.export(MAC, ResetMethod.ENCRYPTED_STRING);
        DeviceOutcome o = null;
        for (int i = 0; i < 5; i++) {
            o = client.reset(MAC, ResetReply.key("bad" + i), "Newpass123!".toCharArray(), false, false);
        }
        assertThat(o).isEqualTo(new DeviceOutcome(Kind.LOCKED, 0, 30, "locked"));
        assertThat(client.reset(MAC, ResetReply.key("K3Y-" + MAC), "x".toCharArray(), false, false).lockedMinutes())
                .isEqualTo(30);
    }

    @Test
    void resetWithoutAPendingExportIsEmptyEncryptString() {
        DeviceOutcome o = client.reset(MAC, ResetReply.key("K3Y-" + MAC), "Newpass123!".toCharArray(), false, false);
        assertThat(o.kind()).isEqualTo(Kind.EMPTY_ENCRYPT_STRING);
        assertThat(o.voidsAttempt()).isTrue();
    }

    @Test
    void codeEncryptSendsTheCodeEncrypted() throws IOException {
        device.close();
        Profile p = Profile.nvr(MAC, "192.168.1.64");
        device = TestSadpResponder.start("lo", port, new Profile(p.mac(), p.serial(), p.model(), p.ipv4(), p.mask(),
                p.gateway(), true, true, p.challenge(), p.acceptedCode(), 5, 30));
        assertThat(client.poll(MAC, Duration.ofSeconds(2)).orElseThrow().codeEncrypt()).isTrue();
        client.export(MAC, ResetMethod.ENCRYPTED_STRING);
        assertThat(client.reset(MAC, ResetReply.key("K3Y-" + MAC), "Newpass123!".toCharArray(), false, true).kind())
                .isEqualTo(Kind.SUCCESS);
    }

    @Test
    void activateAnInactiveDeviceOnceOnly() throws IOException {
        device.close();
        Profile p = Profile.nvr(MAC, "192.168.1.64");
        device = TestSadpResponder.start("lo", port, new Profile(p.mac(), p.serial(), p.model(), p.ipv4(), p.mask(),
                p.gateway(), false, false, p.challenge(), p.acceptedCode(), 5, 30));
        assertThat(client.poll(MAC, Duration.ofSeconds(2)).orElseThrow().resetMethods()).isEmpty();
        assertThat(client.activate(MAC, "First123!".toCharArray()).kind()).isEqualTo(Kind.SUCCESS);
        assertThat(device.activated()).isTrue();
        assertThat(client.activate(MAC, "Again123!".toCharArray()).kind()).isEqualTo(Kind.HAS_ACTIVATED);
    }

    @Test
    void noAnswerIsATimeout() throws IOException {
        try (SadpClient quick = new SadpClient("lo", port, Duration.ofMillis(300))) {
            assertThat(quick.reset("0a-00-27-00-00-77", ResetReply.key("x"), "p".toCharArray(), false, false))
                    .isEqualTo(DeviceOutcome.of(Kind.TIMEOUT));
            assertThat(quick.export("0a-00-27-00-00-77", ResetMethod.DEVICE_CODE).outcome().kind())
                    .isEqualTo(Kind.TIMEOUT);
        }
    }

    @Test
    void helloAnnouncementsReachListeners() throws IOException {
        List<DeviceInfo> heard = new CopyOnWriteArrayList<>();
        client.onAnnouncement(heard::add);
        try (TestSadpResponder booted = TestSadpResponder.start("lo", port, Profile.nvr("0a-00-27-00-00-03",
                "192.168.1.66"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty());
            assertThat(heard.get(0).mac()).isEqualTo("0a-00-27-00-00-03");
            assertThat(heard.get(0).ipv4()).isEqualTo("192.168.1.66");
            assertThat(booted.received()).as("a Hello is sent, not answered").isZero();
        }
    }

    @Test
    void neverSendsRebootOrReaddressClasses() {
        for (String t : List.of("reboot", "restoreInactive", "update", "restore", "setBindList", "ezvizUnbindDelUsers",
                "somethingUnknown")) {
            assertThatThrownBy(() -> client.request(MAC, t, uuid -> SadpRequests.generic(uuid, MAC, t)))
                    .as(t).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(device.log()).noneMatch(l -> l.startsWith("Probe:") && !l.equals("Probe:inquiry"));
    }

    @Test
    void missingInterfaceIsAClearError() {
        assertThatThrownBy(() -> new SadpClient("nosuch-if0", port, Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("'nosuch-if0'").hasMessageContaining("not exist");
    }

    @Test
    void closeStopsTheReceiveThread() throws IOException {
        java.util.Set<Thread> before = receiveThreads();
        SadpClient c = new SadpClient("lo", port, Duration.ofSeconds(1));
        java.util.Set<Thread> mine = receiveThreads();
        mine.removeAll(before); // only this client's: a client another test leaked must not decide this one
        assertThat(mine).isNotEmpty().allMatch(Thread::isDaemon);
        c.close();
        await().atMost(Duration.ofSeconds(3)).until(() -> mine.stream().noneMatch(Thread::isAlive));
        assertThatThrownBy(() -> c.discoverEach(Duration.ofMillis(10), f -> true)).hasMessageContaining("closed");
    }

    private static java.util.Set<Thread> receiveThreads() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("sadp-rx-lo")) {
                out.add(t);
            }
        }
        return out;
    }
}
