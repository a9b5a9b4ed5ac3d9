package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.resetdesk.testsupport.ChildJvm;
import org.resetdesk.testsupport.NetnsLab;
import org.resetdesk.testsupport.TestSadpResponder;

/**
 * The real topology, in network namespaces this test creates: a kiosk with a dedicated port (10.91.1.1/24) wired to a
 * recorder in ANOTHER subnet (192.168.1.64/24), and a shop-LAN port (10.91.2.1/24) with a second device on it.
 * {@code resetdesk discover} runs as a child JVM inside the kiosk namespace; the devices are child JVMs in theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SadpNamespaceTest {
    static final String REC_MAC = "0a-91-01-00-00-40";
    static final String SHOP_MAC = "0a-91-02-00-00-50";
    static final Duration JVM_START = Duration.ofSeconds(60);
    final ObjectMapper json = new ObjectMapper();
    NetnsLab lab;
    String kiosk;
    String dedicated;
    String shop;
    String spare;
    ChildJvm recorder;
    ChildJvm shopDevice;

    @BeforeAll
    void buildTopology() {
        lab = NetnsLab.create("sadp");
        kiosk = lab.namespace("kiosk");
        String rec = lab.namespace("rec");
        String shopNs = lab.namespace("shop");
        dedicated = lab.ifName("ded");
        shop = lab.ifName("shop");
        spare = lab.ifName("spr");
        lab.link(kiosk, dedicated, "10.91.1.1/24", rec, "eth0", "192.168.1.64/24");
        lab.link(kiosk, shop, "10.91.2.1/24", shopNs, "eth0", "10.91.2.50/24");
        lab.link(kiosk, spare, "10.91.3.1/24", kiosk, lab.ifName("sprb"), null);
        lab.setLink(kiosk, spare, false);
        recorder = lab.java(rec, TestSadpResponder.class, "--interface", "eth0", "--mac", REC_MAC, "--ip",
                "192.168.1.64");
        shopDevice = lab.java(shopNs, TestSadpResponder.class, "--interface", "eth0", "--mac", SHOP_MAC, "--ip",
                "10.91.2.50");
        recorder.awaitLine(l -> l.startsWith("READY"), JVM_START);
        shopDevice.awaitLine(l -> l.startsWith("READY"), JVM_START);
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private List<JsonNode> discover(String iface) throws Exception {
        ChildJvm cli = lab.java(kiosk, "org.resetdesk.Main", List.of(), "discover", "--interface", iface,
                "--timeout-ms", "1500", "--json");
        int exit = cli.awaitExit(JVM_START);
        assertThat(exit).as(cli.stderr()).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : cli.stdout()) {
            out.add(json.readTree(line)); // every stdout line must be JSON: no prose
        }
        return out;
    }

    // First: before any test talks on the shop LAN, so no ARP follow-up (a neighbour probe answered by the kiosk a
    // few seconds after a unicast exchange) can move the shop port's counter; the count must then stay exactly put.
    @Test
    @Order(1)
    void dedicatedPortFindsExactlyItsRecorderInAnotherSubnetAndTheShopLanHearsNothing() throws Exception {
        long shopTx = lab.counter(kiosk, shop, "tx_packets");
        long dedTx = lab.counter(kiosk, dedicated, "tx_packets");
        int shopLinesBefore = shopDevice.stdout().size();

        List<JsonNode> found = discover(dedicated);

        assertThat(found).hasSize(1);
        JsonNode d = found.get(0);
        assertThat(d.get("mac").asText()).isEqualTo(REC_MAC);
        assertThat(d.get("ipv4").asText()).isEqualTo("192.168.1.64");
        assertThat(d.get("serial").asText()).isEqualTo("DS-7608NI-K2/8P0820200101CCRRE12345678");
        assertThat(d.get("hikConnectEnabled").asBoolean()).isFalse();
        assertThat(d.get("elapsedMs").asLong()).isBetween(0L, 1500L);
        recorder.awaitLine(l -> l.equals("RX Probe:inquiry from=10.91.1.1"), Duration.ofSeconds(5));

        assertThat(lab.counter(kiosk, dedicated, "tx_packets")).as("the counters do count").isGreaterThan(dedTx);
        assertThat(lab.counter(kiosk, shop, "tx_packets")).as("packets sent on the shop LAN port")
                .isEqualTo(shopTx);
        assertThat(shopDevice.stdout().subList(shopLinesBefore, shopDevice.stdout().size()))
                .as("datagrams the shop LAN device received").isEmpty();
    }

    @Test
    @Order(3)
    void eachPortSeesOnlyItsOwnDevices() throws Exception {
        long dedTx = lab.counter(kiosk, dedicated, "tx_packets");
        int recorderLinesBefore = recorder.stdout().size();
        List<JsonNode> found = discover(shop);
        assertThat(found).extracting(n -> n.get("mac").asText()).containsExactly(SHOP_MAC);
        assertThat(lab.counter(kiosk, dedicated, "tx_packets")).as("packets sent on the dedicated port")
                .isEqualTo(dedTx);
        assertThat(recorder.stdout().subList(recorderLinesBefore, recorder.stdout().size()))
                .as("datagrams the recorder on the dedicated port received").isEmpty();
    }

    @Test
    @Order(2)
    void downOrMissingInterfaceIsAClearErrorNamingIt() {
        ChildJvm down = lab.java(kiosk, "org.resetdesk.Main", List.of(), "discover", "--interface", spare);
        assertThat(down.awaitExit(JVM_START)).isEqualTo(1);
        assertThat(down.stderr()).contains("'" + spare + "'").contains("down");
        assertThat(down.stdout()).isEmpty();
        ChildJvm missing = lab.java(kiosk, "org.resetdesk.Main", List.of(), "discover", "--interface", "nosuch0");
        assertThat(missing.awaitExit(JVM_START)).isEqualTo(1);
        assertThat(missing.stderr()).contains("'nosuch0'").contains("does not exist");
    }

    @Test
    @Order(4)
    void exportAndResetReachTheRecorderInTheOtherSubnet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path out = tmp.resolve("request.xml");
        ChildJvm export = lab.java(kiosk, "org.resetdesk.Main", List.of(), "sadp", "export", "--interface",
                dedicated, "--mac", REC_MAC, "--out", out.toString());
        assertThat(export.awaitExit(JVM_START)).as(export.stderr()).isZero();
        assertThat(java.nio.file.Files.readString(out)).startsWith("CHALLENGE-" + REC_MAC);

        ChildJvm reset = lab.java(kiosk, "org.resetdesk.Main", List.of(), "sadp", "reset", "--interface",
                dedicated, "--mac", REC_MAC, "--key", "K3Y-" + REC_MAC, "--new-password-stdin", "--sync-cameras");
        reset.writeStdin("Newpass123!\n");
        reset.closeStdin();
        assertThat(reset.awaitExit(JVM_START)).as(reset.stderr()).isZero();
        assertThat(json.readTree(reset.stdout().get(0)).get("result").asText()).isEqualTo("success");
        recorder.awaitLine(l -> l.equals("RX Probe:reset from=10.91.1.1"), Duration.ofSeconds(5));
        assertThat(recorder.stdout().stream().filter(l -> l.startsWith("RX Probe:reset"))).hasSize(1);
    }
}
