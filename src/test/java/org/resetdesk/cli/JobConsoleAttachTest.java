package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.console.JobTranscripts;
import org.resetdesk.console.SocatPair;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2StaffDirectory;

/**
 * {@code job connect ID --console PATH}, then a plain {@code job watch} (no {@code --console}, no
 * {@code console.port}): the watch listens on the console the job was attached to. Real parts: the virtual recorder
 * as a child JVM on loopback writing its boot log to a socat pty, the watch as a child JVM, one H2 store on disk.
 */
class JobConsoleAttachTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theWatchPicksUpTheConsoleAttachedByJobConnectAndTheBootLogLandsInTheJobsTranscript() throws Exception {
        long pid = ProcessHandle.current().pid();
        try (SocatPair pair = SocatPair.start(dir.resolve("attach-" + pid + "-kiosk"),
                dir.resolve("attach-" + pid + "-recorder"))) {
            Process recorder = java("recorder", "--profile", "nvr", "--control-port", "0", "--sadp-port", "0",
                    "--down-ms", "200", "--console", pair.b().toString());
            JsonNode started = JSON.readTree(firstLine(recorder));
            int control = started.get("controlPort").asInt();
            Path db = dir.resolve("db/resetdesk");
            Path data = dir.resolve("data");
            // no console.port: the only console the watch can know of is the one job connect attached
            Path config = Files.writeString(dir.resolve("kiosk.properties"), "sadp.interface=lo\nsadp.port="
                    + started.get("sadpPort").asInt() + "\ndb.path=" + db + "\ndata.dir=" + data + "\n");
            try (H2Database h2 = H2Database.open(db, H2Database.Options.createIfMissing())) {
                new H2StaffDirectory(h2, java.time.Clock.systemUTC()).add("anna", "Anna", "2468".toCharArray(),
                        StaffDirectory.Role.STAFF);
            }
            List<String> base = List.of("--config", config.toString());

            SupportDeskCliTest.Run open = run(base, "job", "open", "--staff", "anna", "--customer", "Max Muster",
                    "--contact", "+49 170 1234567", "--ownership", "invoice:INV-1", "--label-serial",
                    started.get("serial").asText(), "--consent");
            assertThat(open.exit()).as(open.err()).isZero();
            String id = open.out().strip().lines().reduce((a, b) -> b).orElseThrow().strip();
            SupportDeskCliTest.Run connect = run(base, "job", "connect", id, "--console", pair.a().toString(),
                    "--timeout-ms", "3000");
            assertThat(connect.exit()).as(connect.err()).isZero();
            assertThat(JSON.readTree(connect.out()).get("state").asText()).isEqualTo("IDENTIFIED");

            List<String> watchArgs = new ArrayList<>(base);
            watchArgs.addAll(List.of("job", "watch", "--period-ms", "1000"));
            Process watch = java(watchArgs.toArray(String[]::new));
            List<JsonNode> out = collect(watch);
            // the console opens: the job's transcript starts and the job log names it
            await().atMost(Duration.ofSeconds(30)).until(() -> first(out, JobTranscripts.OPENED) != null);
            JsonNode opened = first(out, JobTranscripts.OPENED);
            assertThat(opened.get("job").asText()).isEqualTo(id);
            String relative = opened.get("detail").asText();
            assertThat(relative).matches("jobs/" + id + "/console-\\d{8}T\\d{6}Z\\.log");
            Path transcript = data.resolve(relative);

            JsonNode reboot = JSON.readTree(ctl(control, "reboot", "--down-ms", "200").out());
            assertThat(reboot.isObject()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(transcript)
                    && Files.readString(transcript).contains("Starting kernel"));
            String text = Files.readString(transcript);
            assertThat(text).contains("--- console connected").containsPattern("U-Boot \\d")
                    .contains("--- the recorder restarted (boot seen on its console)");
            assertThat(watch.isAlive()).isTrue();
            watch.destroy();
            assertThat(watch.waitFor(10, TimeUnit.SECONDS)).isTrue();

            SupportDeskCliTest.Run events = run(base, "job", "events", id, "--json");
            assertThat(events.exit()).as(events.err()).isZero();
            List<JsonNode> ev = new ArrayList<>();
            for (String line : events.out().strip().split("\n")) {
                ev.add(JSON.readTree(line));
            }
            assertThat(ev).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo("console.attached");
                assertThat(e.get("detail").asText()).isEqualTo(pair.a().toAbsolutePath().toString());
            });
            assertThat(ev).anySatisfy(e -> {
                assertThat(e.get("type").asText()).isEqualTo(JobTranscripts.OPENED);
                assertThat(e.get("detail").asText()).isEqualTo(relative);
            });
        }
    }

    /** The CLI as a child JVM, as a shop runs it; waits for it to exit. */
    private SupportDeskCliTest.Run run(List<String> base, String... args) throws Exception {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(args));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.resetdesk.Main"));
        cmd.addAll(all);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        processes.add(p);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", all).isTrue();
        return new SupportDeskCliTest.Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), Files.readString(err));
    }

    private static SupportDeskCliTest.Run ctl(int port, String... action) {
        List<String> args = new ArrayList<>(List.of("recorder-ctl", "--control-port", Integer.toString(port)));
        args.addAll(List.of(action));
        SupportDeskCliTest.Run r = SupportDeskCliTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    private Process java(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.resetdesk.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        return p;
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("first line of the child").isNotNull();
        return line;
    }

    /** Every stdout line of {@code p} as JSON (the watch prints nothing else), read on a daemon thread. */
    private static List<JsonNode> collect(Process p) {
        List<JsonNode> out = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(JSON.readTree(line));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "watch-stdout");
        t.setDaemon(true);
        t.start();
        return out;
    }

    private static JsonNode first(List<JsonNode> out, String type) {
        try (Stream<JsonNode> s = out.stream()) {
            return s.filter(n -> n.path("type").asText().equals(type)).findFirst().orElse(null);
        }
    }
}
