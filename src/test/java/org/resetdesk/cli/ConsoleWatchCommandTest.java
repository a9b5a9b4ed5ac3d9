package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.console.BootLogWriter;
import org.resetdesk.console.BootScript;
import org.resetdesk.console.SocatPair;

/** {@code resetdesk console watch} as a real process on a real pty, killed at the end as the contract says. */
class ConsoleWatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void watchPrintsLinkEventsAndTheRebootAsJsonLinesUntilKilled() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (SocatPair pair = SocatPair.start(dir.resolve("console-" + pid + "-kiosk"),
                dir.resolve("console-" + pid + "-recorder"));
             BootLogWriter recorder = new BootLogWriter(pair.b(), 0.01)) {
            Process watch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.resetdesk.Main",
                    "console", "watch", "--port", pair.a().toString(), "--baud", "115200")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<JsonNode> out = new CopyOnWriteArrayList<>();
            List<String> notJson = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        try {
                            out.add(JSON.readTree(line));
                        } catch (java.io.IOException e) {
                            notJson.add(line);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            reader.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> has(out, "LINK"));
                assertThat(first(out, "LINK").get("connected").asBoolean()).isTrue();
                recorder.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, "08-a1-89-0e-18-97")
                        .done().get(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(10)).until(() -> has(out, "BOOTARGS"));
                assertThat(first(out, "REBOOT").get("line").asText()).startsWith("U-Boot 2010.06-svn64409");
                assertThat(first(out, "BOOT_BANNER").get("version").asText()).isEqualTo("2010.06-svn64409");
                assertThat(first(out, "MAC").get("mac").asText()).isEqualTo("08-a1-89-0e-18-97");
                assertThat(out).allMatch(n -> n.hasNonNull("type") && n.hasNonNull("at"));
                assertThat(notJson).isEmpty();
                assertThat(watch.isAlive()).as("runs until killed").isTrue();
            } finally {
                watch.destroy();
                assertThat(watch.waitFor(10, TimeUnit.SECONDS)).isTrue();
                reader.join(5000);
            }
        }
    }

    @Test
    void badSettingsAreUsageErrors() throws Exception {
        assertThat(ConsoleDecodeCommandTest.run("console", "watch", "--port", "/dev/null", "--baud", "0").exit())
                .isEqualTo(2);
        assertThat(ConsoleDecodeCommandTest.run("console", "watch", "--port", "/dev/null", "--parity", "purple")
                .exit()).isEqualTo(2);
        assertThat(ConsoleDecodeCommandTest.run("console", "watch").exit()).isEqualTo(2);
        assertThat(ConsoleDecodeCommandTest.run("console", "watch", "--port", " ").exit()).isEqualTo(2);
        assertThat(ConsoleDecodeCommandTest.run("console").exit()).isEqualTo(2);
    }

    private static boolean has(List<JsonNode> out, String type) {
        return out.stream().anyMatch(n -> n.path("type").asText().equals(type));
    }

    private static JsonNode first(List<JsonNode> out, String type) {
        return out.stream().filter(n -> n.path("type").asText().equals(type)).findFirst().orElseThrow();
    }
}
