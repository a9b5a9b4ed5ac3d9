package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConsoleDecodeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int exit, List<JsonNode> out, String err) {}

    static Result run(String... args) throws Exception {
        CommandLine cl = Commands.build();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // every stdout line must be JSON
            }
        }
        return new Result(exit, lines, err.toString());
    }

    private Path fixture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/console/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void tv2GivesOneJsonLinePerEventWithTheContractKeys() throws Exception {
        Result r = run("console-decode", fixture("ds7732ni-i4b-tv2-bootcmd-misuse.log").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).extracting(n -> n.get("type").asText()).containsExactly("HKVS_PROMPT", "HKVS_PROMPT",
                "MAC", "TFTP_START", "TFTP_FILE", "TFTP_BYTES", "CPU_RESET", "CPU_RESET");
        assertThat(r.out()).allMatch(n -> n.hasNonNull("line") && n.hasNonNull("lineNo") && n.hasNonNull("evidence"));
        assertThat(r.out().get(2).get("mac").asText()).isEqualTo("08-a1-89-0e-18-97");
        assertThat(r.out().get(3).get("serverIp").asText()).isEqualTo("192.0.0.128");
        assertThat(r.out().get(3).get("deviceIp").asText()).isEqualTo("192.0.0.64");
        assertThat(r.out().get(4).get("file").asText()).isEqualTo("digicap.dav");
        assertThat(r.out().get(5).get("bytes").asLong()).isEqualTo(53322144L);
        assertThat(r.out().get(6).get("reason").asText()).isEqualTo("undefined instruction");
        assertThat(r.out().get(6).get("evidence").asText()).isEqualTo("failure");
        assertThat(r.out().get(6).get("lineNo").asInt()).isEqualTo(8);
    }

    @Test
    void bannerVersionAndDateAndAGarbledCaptureStillDecode() throws Exception {
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        byte[] noise = new byte[3000];
        new Random(5).nextBytes(noise);
        capture.writeBytes(noise);
        capture.write(0xE9); // a power-on glitch byte right before the banner, no line end in between
        capture.writeBytes(Files.readAllBytes(fixture("ds7108ni-q1-tv3-upgrade-mismatch.log")));
        capture.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0});
        capture.writeBytes("LZMA data is corrupt -- System halted".getBytes(StandardCharsets.UTF_8)); // no line end
        Path file = Files.write(dir.resolve("garbled.bin"), capture.toByteArray());

        Result r = run("console-decode", file.toString());
        assertThat(r.exit()).isZero();
        JsonNode banner = r.out().stream().filter(n -> n.get("type").asText().equals("BOOT_BANNER")).findFirst()
                .orElseThrow();
        assertThat(banner.get("version").asText()).isEqualTo("2010.06-svn19235");
        assertThat(banner.get("date").asText()).isEqualTo("Jan 15 2018 - 20:50:54");
        assertThat(banner.get("evidence").asText()).isEqualTo("boot");
        JsonNode last = r.out().get(r.out().size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("HALT");
        assertThat(last.get("reason").asText()).isEqualTo("LZMA data is corrupt");
    }

    @Test
    void hostileCapturesDecodeWithoutCrashing() throws Exception {
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        capture.writeBytes("Bytes transferred = 99999999999999999999999999999 (ff hex)\r\n".getBytes(StandardCharsets.UTF_8));
        capture.writeBytes("U".repeat(1 << 20).getBytes(StandardCharsets.UTF_8)); // 1 MiB without a line end
        capture.writeBytes("\nMAC: 08:a1:89:0e:18:97\n".getBytes(StandardCharsets.UTF_8));
        byte[] junk = new byte[200_000];
        new Random(9).nextBytes(junk);
        capture.writeBytes(junk);
        Path file = Files.write(dir.resolve("hostile.bin"), capture.toByteArray());
        Result r = run("console-decode", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().get(0).get("bytes").asText()).isEqualTo("99999999999999999999999999999");
        assertThat(r.out().get(1).get("mac").asText()).isEqualTo("08-a1-89-0e-18-97");
    }

    @Test
    void aMissingFileIsExit1WithOneLineAndNoArgumentIsUsageError() throws Exception {
        Result r = run("console-decode", dir.resolve("nope.log").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("cannot read").doesNotContain("\n");
        assertThat(run("console-decode").exit()).isEqualTo(2);
    }
}
