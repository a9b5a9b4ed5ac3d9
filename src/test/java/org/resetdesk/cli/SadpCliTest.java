package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.testsupport.TestSadpResponder;
import org.resetdesk.testsupport.TestSadpResponder.Profile;
import picocli.CommandLine;

/** The CLI contract for decode, discover, sadp export and sadp reset, in-process, over loopback on a unique port. */
class SadpCliTest {
    static final List<String> DECODE_KEYS = List.of("file", "root", "types", "model", "serial", "mac", "ipv4",
            "subnetMask", "gateway", "firmware", "bootTime", "activated", "resetMethods", "syncIpcPassword",
            "hikConnectEnabled", "truncated", "error");
    static final String MAC = "0a-00-27-00-01-01";
    final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path tmp;
    int port;
    TestSadpResponder device;
    StringWriter out;
    StringWriter err;
    InputStream stdin;

    @BeforeEach
    void setUp() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = s.getLocalPort();
        }
        device = TestSadpResponder.start("lo", port, Profile.nvr(MAC, "192.168.1.64"));
        stdin = System.in;
    }

    @AfterEach
    void tearDown() {
        device.close();
        System.setIn(stdin);
        OpenJobCheck.install(null);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Commands.build();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lines() throws IOException {
        List<Map<String, Object>> l = new ArrayList<>();
        for (String s : out.toString().split("\n")) {
            if (!s.isBlank()) {
                l.add(json.readValue(s, LinkedHashMap.class));
            }
        }
        return l;
    }

    private Path fixture(String name) throws IOException {
        Path p = tmp.resolve(name.replace('/', '_'));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/sadp/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void decodeWritesOneContractLinePerFile() throws IOException {
        Path v2 = fixture("must-parse/DS-2CD2385G1-I-V5.6.2-inquiry.xml");
        Path cut = fixture("must-recover/DS-2CD2385G1-I-V5.6.2-truncated-in-value.xml");
        Path v1 = fixture("must-parse/DS-2CD2432F-IW-V5.2.5-inquiry.xml");
        assertThat(run("decode", v2.toString(), cut.toString(), v1.toString())).isZero();
        List<Map<String, Object>> l = lines();
        assertThat(l).hasSize(3);
        assertThat(new ArrayList<>(l.get(0).keySet())).isEqualTo(DECODE_KEYS);
        Map<String, Object> m = l.get(0);
        assertThat(m).containsEntry("file", v2.toString()).containsEntry("root", "ProbeMatch")
                .containsEntry("types", "inquiry").containsEntry("model", "DS-2CD2385G1-I")
                .containsEntry("serial", "DS-2CD2385G1-I20200414AAWRE33842150").containsEntry("mac", "58-50-ed-1f-e3-85")
                .containsEntry("ipv4", "192.168.124.40").containsEntry("subnetMask", "255.255.255.0")
                .containsEntry("gateway", "192.168.124.1").containsEntry("firmware", "V5.6.2build 190701")
                .containsEntry("bootTime", "1970-01-15 02:44:11").containsEntry("activated", true)
                .containsEntry("resetMethods", List.of("ENCRYPTED_STRING", "SECURITY_QUESTIONS", "RESERVED_EMAIL"))
                .containsEntry("syncIpcPassword", null).containsEntry("hikConnectEnabled", false)
                .containsEntry("truncated", false).containsEntry("error", null);
        assertThat(l.get(1)).containsEntry("truncated", true).containsEntry("error", null);
        assertThat(l.get(2)).containsEntry("activated", null).containsEntry("resetMethods", List.of());
    }

    @Test
    void decodeExitsOneWhenAnyFileIsUnreadableButStillReportsTheOthers() throws IOException {
        Path good = fixture("must-parse/DS-2CD2T47G1-L-V5.6.5-inquiry.xml");
        Path xxe = fixture("must-reject/xxe-external-entity.xml");
        Path malformed = fixture("must-recover/DS-2CD2385G1-I-V5.6.2-malformed-end-tag.xml");
        assertThat(run("decode", good.toString(), xxe.toString(), tmp.resolve("missing.bin").toString(),
                malformed.toString())).isEqualTo(1);
        List<Map<String, Object>> l = lines();
        assertThat(l).hasSize(4);
        assertThat(l.get(0)).containsEntry("mac", "68-6d-bc-3b-52-dd").containsEntry("error", null);
        assertThat(new ArrayList<>(l.get(1).keySet())).isEqualTo(DECODE_KEYS);
        assertThat(l.get(1)).containsEntry("root", null);
        assertThat((String) l.get(1).get("error")).contains("DTD");
        assertThat((String) l.get(2).get("error")).startsWith("cannot read file");
        assertThat((String) l.get(3).get("error")).contains("recovered");
        assertThat(l.get(3)).containsEntry("mac", "58-50-ed-1f-e3-85");
        assertThat(err.toString()).contains("2 of 4");
    }

    @Test
    void decodeWithoutFilesIsBadUsage() {
        assertThat(run("decode")).isEqualTo(2);
    }

    @Test
    void discoverPrintsEachDeviceWithElapsedMs() throws IOException {
        assertThat(run("discover", "--interface", "lo", "--port", String.valueOf(port), "--timeout-ms", "1500",
                "--json")).isZero();
        List<Map<String, Object>> l = lines();
        assertThat(l).hasSize(1);
        assertThat(l.get(0)).containsKeys(DECODE_KEYS.toArray(String[]::new)).containsKey("elapsedMs")
                .containsEntry("mac", MAC).containsEntry("syncIpcPassword", true);
        assertThat(run("discover", "--interface", "lo", "--port", String.valueOf(port), "--timeout-ms", "1000"))
                .isZero();
        assertThat(out.toString()).contains(MAC).contains("1 device(s) on lo");
    }

    @Test
    void discoverUsage() {
        assertThat(run("discover")).isEqualTo(2);
        assertThat(run("discover", "--interface", "nosuch0")).isEqualTo(1);
        assertThat(err.toString()).contains("'nosuch0'");
    }

    @Test
    void exportWritesTheRequestAndAQrCodeOfIt() throws Exception {
        Path req = tmp.resolve("request.xml");
        Path png = tmp.resolve("request.png");
        assertThat(run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac",
                "0A:00:27:00:01:01", "--out", req.toString(), "--qr", png.toString())).as(err.toString()).isZero();
        String challenge = device.pendingChallenge();
        assertThat(Files.readString(req)).isEqualTo(challenge);
        assertThat(lines().get(0)).containsEntry("method", "ENCRYPTED_STRING").containsEntry("mac", MAC);
        var image = ImageIO.read(png.toFile());
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo(challenge);
        assertThat(run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC,
                "--out", req.toString(), "--method", "device-code")).isZero();
        assertThat(device.log()).contains("Probe:getcode");
    }

    @Test
    void resetWithKeyThenWithAWrongReplyFile() throws IOException {
        run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC, "--out",
                tmp.resolve("r.xml").toString());
        System.setIn(new ByteArrayInputStream("Newpass123!\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC, "--key",
                "K3Y-" + MAC, "--new-password-stdin", "--sync-cameras")).as(err.toString()).isZero();
        assertThat(lines().get(0)).containsEntry("result", "success").containsEntry("retriesLeft", null)
                .containsEntry("lockedMinutes", null);
        assertThat(device.lastPassword()).containsExactly("Newpass123!".toCharArray());

        run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC, "--out",
                tmp.resolve("r2.xml").toString());
        Path reply = tmp.resolve("Encrypt_12345678_o2.xml");
        Files.writeString(reply, "<wrong/>\r\n");
        System.setIn(new ByteArrayInputStream("Other123!".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC,
                "--reply", reply.toString(), "--new-password-stdin")).isEqualTo(1);
        assertThat(lines().get(0)).containsEntry("result", "codeError").containsEntry("retriesLeft", 4);
        assertThat(err.toString()).contains("codeError").contains("not retried");
        assertThat(device.log().stream().filter("Probe:reset"::equals)).hasSize(2);
    }

    @Test
    void resetUsageErrors() {
        String p = String.valueOf(port);
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", p, "--mac", MAC, "--key", "K",
                "--reply", "x", "--new-password-stdin")).isEqualTo(2);
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", p, "--mac", MAC, "--key", "K")).isEqualTo(2);
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", p, "--mac", "zz", "--key", "K",
                "--new-password-stdin")).isEqualTo(2);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", p, "--mac", MAC, "--key", "K",
                "--new-password-stdin")).isEqualTo(2);
        assertThat(run("sadp")).isEqualTo(2);
        assertThat(device.log()).noneMatch(l -> l.equals("Probe:reset"));
    }

    @Test
    void lowLevelCommandsAreRefusedForADeviceWithAnOpenJob() {
        OpenJobCheck.install((mac, serial) -> MAC.equals(mac) ? Optional.of("J-0042") : Optional.empty());
        assertThat(run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC,
                "--out", tmp.resolve("x.xml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("J-0042").contains("open job");
        System.setIn(new ByteArrayInputStream("Newpass123!\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("sadp", "reset", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC, "--key",
                "K", "--new-password-stdin")).isEqualTo(1);
        assertThat(device.log()).noneMatch(l -> l.startsWith("Probe:"));
        assertThat(tmp.resolve("x.xml")).doesNotExist();

        OpenJobCheck.install((mac, serial) -> serial != null && serial.startsWith("DS-7608NI")
                ? Optional.of("J-0043") : Optional.empty());
        assertThat(run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac", MAC,
                "--out", tmp.resolve("x.xml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("J-0043");
        assertThat(device.log()).noneMatch(l -> l.equals("Probe:getencryptstring"));
    }

    @Test
    void unknownDeviceIsAOneLineFailure() {
        assertThat(run("sadp", "export", "--interface", "lo", "--port", String.valueOf(port), "--mac",
                "0a-00-27-00-01-99", "--out", tmp.resolve("x.xml").toString(), "--timeout-ms", "300")).isEqualTo(1);
        assertThat(err.toString().strip()).contains("no device with MAC 0a-00-27-00-01-99").doesNotContain("\n");
    }
}
