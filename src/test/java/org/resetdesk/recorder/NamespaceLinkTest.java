package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recorder on a real link: two network namespaces created here (a kiosk side and a recorder side joined by a
 * veth pair, 10.77.7.0/24), the recorder on the real SADP port 37020 inside its namespace. A kiosk-side probe in
 * the subnet gets the reply unicast and on the group; once the recorder reports an address in another subnet
 * (192.168.1.64/24), only the group copy reaches the kiosk, which is how such a recorder is still found.
 */
class NamespaceLinkTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String NS_KIOSK = "rdrec-k-" + PID;
    private static final String NS_REC = "rdrec-r-" + PID;
    private static final String VETH_KIOSK = "rdk" + PID;
    private static final String VETH_REC = "rdr" + PID;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Process> PROCESSES = new ArrayList<>();

    @BeforeAll
    static void link() throws Exception {
        cleanup();
        sh("ip", "netns", "add", NS_KIOSK);
        sh("ip", "netns", "add", NS_REC);
        sh("ip", "link", "add", VETH_KIOSK, "netns", NS_KIOSK, "type", "veth", "peer", "name", VETH_REC, "netns", NS_REC);
        sh("ip", "-n", NS_KIOSK, "addr", "add", "10.77.7.1/24", "brd", "+", "dev", VETH_KIOSK);
        sh("ip", "-n", NS_REC, "addr", "add", "10.77.7.2/24", "brd", "+", "dev", VETH_REC);
        for (String ns : List.of(NS_KIOSK, NS_REC)) {
            sh("ip", "-n", ns, "link", "set", "lo", "up");
        }
        sh("ip", "-n", NS_KIOSK, "link", "set", VETH_KIOSK, "up");
        sh("ip", "-n", NS_REC, "link", "set", VETH_REC, "up");
        // the kernel reports carrier (IFF_RUNNING, which NetworkInterface.isUp needs) a moment later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> output("ip", "-n", NS_REC, "link", "show", VETH_REC).contains("LOWER_UP")
                        && output("ip", "-n", NS_KIOSK, "link", "show", VETH_KIOSK).contains("LOWER_UP"));
    }

    private static String output(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @AfterAll
    static void cleanup() throws Exception {
        for (Process p : PROCESSES) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        for (String ns : List.of(NS_KIOSK, NS_REC)) {
            new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    private static Process javaIn(String ns, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        PROCESSES.add(p);
        return p;
    }

    private static JsonNode firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).isNotNull();
        return JSON.readTree(line);
    }

    private static JsonNode probe() throws Exception {
        Process p = javaIn(NS_KIOSK, NetnsProbe.class.getName(), VETH_KIOSK, "37020", "10000");
        JsonNode out = firstLine(p);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void inSubnetBothCopiesOtherSubnetGroupOnly() throws Exception {
        Process rec = javaIn(NS_REC, "org.resetdesk.Main", "recorder", "--interface", VETH_REC,
                "--control-port", "0", "--profile", "dvr");
        JsonNode started = firstLine(rec);
        assertThat(started.get("sadpPort").asInt()).isEqualTo(37020);
        assertThat(started.get("ipv4").asText()).as("a new device takes the interface's address").isEqualTo("10.77.7.2");

        JsonNode same = probe();
        assertThat(same.get("ipv4").asText()).isEqualTo("10.77.7.2");
        assertThat(same.get("mac").asText()).isEqualTo(started.get("mac").asText());
        assertThat(same.get("unicast").asBoolean()).isTrue();

        Process ctl = javaIn(NS_REC, "org.resetdesk.Main", "recorder-ctl", "--control-port",
                started.get("controlPort").asText(), "set-ip", "192.168.1.64/24");
        assertThat(ctl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ctl.exitValue()).isZero();

        JsonNode other = probe();
        assertThat(other.get("ipv4").asText()).isEqualTo("192.168.1.64");
        assertThat(other.get("group").asBoolean()).isTrue();
        assertThat(other.get("unicast").asBoolean()).isFalse();
    }
}
