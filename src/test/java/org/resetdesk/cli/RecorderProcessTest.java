package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.recorder.SupportDesk;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpCodec.Element;
import org.resetdesk.sadp.SadpCrypto;
import org.resetdesk.sadp.SadpDocument;

/**
 * {@code resetdesk recorder} as a child JVM on loopback (free ports): driven by {@code recorder-ctl}, reset over SADP,
 * killed and started again on the same state directory.
 */
class RecorderProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path stateDir;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process java(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.resetdesk.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        return p;
    }

    /** Starts the recorder and returns its "started" JSON line. */
    private JsonNode startRecorder(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("recorder", "--profile", "nvr", "--state-dir", stateDir.toString(),
                "--control-port", "0", "--sadp-port", "0", "--down-ms", "200"));
        args.addAll(List.of(extra));
        Process p = java(args.toArray(String[]::new));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("recorder start line").isNotNull();
        return JSON.readTree(line);
    }

    private static JsonNode ctl(int port, String... action) throws Exception {
        List<String> args = new ArrayList<>(List.of("recorder-ctl", "--control-port", Integer.toString(port)));
        args.addAll(List.of(action));
        SupportDeskCliTest.Run run = SupportDeskCliTest.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        return JSON.readTree(run.out());
    }

    @Test
    void controlledByRecorderCtlResetOverSadpAndPersistedAcrossARestart() throws Exception {
        JsonNode started = startRecorder("--ip", "192.168.1.64/24", "--gateway", "192.168.1.1");
        assertThat(started.get("event").asText()).isEqualTo("started");
        int control = started.get("controlPort").asInt();
        int sadp = started.get("sadpPort").asInt();
        String mac = started.get("mac").asText();

        JsonNode state = ctl(control, "state");
        for (String key : List.of("serial", "mac", "ipv4", "bootTime", "activated", "pendingExport", "exportedAt",
                "failedAttempts", "lockedUntil", "passwordChangedAt", "loopEnable", "hikConnectBound")) {
            assertThat(state.has(key)).as(key).isTrue();
        }
        assertThat(state.get("ipv4").asText()).isEqualTo("192.168.1.64");
        assertThat(ctl(control, "set-ip", "127.0.0.20/8", "--gateway", "127.0.0.1").get("ipv4").asText())
                .isEqualTo("127.0.0.20");
        assertThat(ctl(control, "clock", "+2h").get("clockOffsetMs").asLong()).isGreaterThanOrEqualTo(7_200_000);

        // a reset over SADP (the recorder now reports 127.0.0.20/8, so it answers loopback senders unicast)
        String password = "Counter7Reset";
        try (SadpSession s = new SadpSession(sadp, mac)) {
            String exported = s.call("getencryptstring", List.of()).get("EncryptString");
            assertThat(ctl(control, "state").get("pendingExport").asBoolean()).isTrue();
            String file = new String(SupportDesk.answer(exported.getBytes(StandardCharsets.US_ASCII)).replyFile(),
                    StandardCharsets.US_ASCII);
            String random = s.exchange();
            SadpDocument done = s.call("reset", List.of(
                    Element.of("Password", SadpCrypto.encryptWithRandom(random, password.toCharArray())),
                    Element.of("Code", file)));
            assertThat(done.get("Result")).isEqualTo("success");
            s.call("getencryptstring", List.of());
        }
        JsonNode before = ctl(control, "state");
        assertThat(before.get("passwordChangedAt").isNull()).isFalse();
        assertThat(before.get("pendingExport").asBoolean()).isTrue();

        // a child-JVM recorder-ctl, like a trainer's shell
        Process rebootCtl = java("recorder-ctl", "--control-port", Integer.toString(control), "reboot", "--down-ms", "300");
        assertThat(rebootCtl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(rebootCtl.exitValue()).isZero();
        assertThat(JSON.readTree(rebootCtl.getInputStream()).get("power").asText()).isEqualTo("booting");

        Process first = processes.get(0);
        first.destroy();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        SupportDeskCliTest.Run gone = SupportDeskCliTest.run("recorder-ctl", "--control-port", Integer.toString(control),
                "state");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("no virtual recorder answers");

        JsonNode again = startRecorder();
        int control2 = again.get("controlPort").asInt();
        JsonNode after = ctl(control2, "state");
        for (String key : List.of("serial", "mac", "ipv4", "gateway", "passwordChangedAt", "hikConnectBound")) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
        assertThat(after.get("clockOffsetMs").asLong()).isGreaterThanOrEqualTo(7_200_000);
        assertThat(after.get("pendingExport").asBoolean()).as("RAM state is gone").isFalse();
        assertThat(after.get("bootTime").asText()).isNotEqualTo(before.get("bootTime").asText());
        try (SadpSession s = new SadpSession(again.get("sadpPort").asInt(), mac)) {
            String random = s.exchange();
            SadpDocument guid = s.call("ExportGUID", List.of(
                    Element.of("Password", SadpCrypto.encryptWithRandom(random, password.toCharArray()))));
            assertThat(guid.get("Result")).as("the new password survived the restart").isEqualTo("success");
        }
    }

    @Test
    void badOptionsAreClearErrors() throws Exception {
        Process p = java("recorder", "--interface", "no-such-nic0", "--sadp-port", "0");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        SupportDeskCliTest.Run ctl = SupportDeskCliTest.run("recorder-ctl", "--control-port", "1", "clock", "soon");
        assertThat(ctl.exit()).isEqualTo(1);
    }

    /** Minimal raw SADP client for the child recorder. */
    private static final class SadpSession implements AutoCloseable {
        private final java.net.DatagramSocket socket;
        private final int port;
        private final String mac;

        SadpSession(int port, String mac) throws IOException {
            this.socket = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", 0));
            this.socket.setSoTimeout(5000);
            this.port = port;
            this.mac = mac;
        }

        SadpDocument call(String types, List<Element> rest) throws Exception {
            String uuid = java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
            byte[] req = SadpCodec.probe(uuid, mac, types, rest);
            socket.send(new java.net.DatagramPacket(req, req.length, new java.net.InetSocketAddress("127.0.0.1", port)));
            byte[] buf = new byte[65_535];
            while (true) {
                java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                socket.receive(p);
                SadpDocument d = SadpCodec.decode(java.util.Arrays.copyOf(buf, p.getLength()));
                if (uuid.equals(d.get("Uuid"))) {
                    return d;
                }
            }
        }

        String exchange() throws Exception {
            KeyPair kp = SadpCrypto.newExchangeKeyPair();
            SadpDocument d = call("exchangecode", List.of(Element.of("Code", SadpCrypto.encodePublicKey(kp.getPublic()))));
            return SadpCrypto.rsaDecrypt(kp.getPrivate(), d.get("Code"));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
