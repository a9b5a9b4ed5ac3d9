package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded property tests: random chunking, random noise, random bytes. Seeds are fixed, so failures replay. */
class FramerParserFuzzTest {
    private static final List<String> REAL_LINES = List.of(
            "U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)",
            "Hit ctrl+u to stop autoboot:  0",
            "MAC: 08-A1-89-0E-18-97",
            "TFTP from server 192.0.0.128; our IP address is 192.0.0.64",
            "Bytes transferred = 53322144 (32da1a0 hex)",
            "LZMA data is corrupt -- System halted",
            "The board info: language - 0x1 device_class - 0x5DE oemCode - 0x1",
            "Starting kernel ...");
    private static final String[] EOL = {"\r", "\n", "\r\n"};
    private static final String WIDE = "ÄÖÜäöüß€日本語😀";

    private final BootLogParser parser = new BootLogParser();

    @Test
    void framerNeverLosesACleanLineWhateverTheNoiseAndChunking() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(seed);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            Map<String, Integer> expected = new HashMap<>();
            for (int segment = 0; segment < 30; segment++) {
                switch (r.nextInt(5)) {
                    case 0, 1 -> {
                        String text = cleanLine(r);
                        expected.merge(text, 1, Integer::sum);
                        write(stream, EOL[r.nextInt(3)] + text + EOL[r.nextInt(3)]);
                    }
                    case 2 -> stream.writeBytes(randomBytes(r, r.nextInt(300)));
                    case 3 -> stream.writeBytes(run(r.nextBoolean() ? 0x00 : 0xFF, r.nextInt(600)));
                    default -> write(stream, "g".repeat(r.nextInt(6000))); // a long line without an end
                }
            }
            List<LineFramer.Line> lines = frame(stream.toByteArray(), r);
            Map<String, Integer> seen = new HashMap<>();
            for (LineFramer.Line l : lines) {
                assertThat(l.text().length()).isLessThanOrEqualTo(LineFramer.DEFAULT_MAX_LINE);
                seen.merge(l.text(), 1, Integer::sum);
                parser.parse(l.text()); // must never throw
            }
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                assertThat(seen.getOrDefault(e.getKey(), 0)).as("seed %d, line %s", seed, e.getKey())
                        .isGreaterThanOrEqualTo(e.getValue());
            }
        }
    }

    @Test
    void realLinesInNoiseAreStillRecognised() {
        for (int seed = 0; seed < 200; seed++) {
            Random r = new Random(1000 + seed);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<String> planted = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                stream.writeBytes(randomBytes(r, r.nextInt(200)));
                String line = REAL_LINES.get(r.nextInt(REAL_LINES.size()));
                planted.add(line);
                write(stream, EOL[r.nextInt(3)] + line + EOL[r.nextInt(3)]);
            }
            List<String> recognised = new ArrayList<>();
            for (LineFramer.Line l : frame(stream.toByteArray(), r)) {
                parser.parse(l.text()).ifPresent(e -> recognised.add(e.line()));
            }
            assertThat(recognised).as("seed %d", seed).containsAll(planted);
        }
    }

    @Test
    void randomBytesAreNeverBootOrFailureEvidence() {
        Random r = new Random(42);
        int lines = 0;
        for (int round = 0; round < 200; round++) {
            for (LineFramer.Line l : frame(randomBytes(r, 5000), r)) {
                lines++;
                parser.parse(l.text()).ifPresent(e -> assertThat(e.evidence())
                        .as("garbage line %s", l.text()).isEqualTo(ConsoleEventType.Evidence.INFO));
            }
        }
        assertThat(lines).isGreaterThan(1000);
    }

    @Test
    void bootLogHeardAtTheWrongBaudRateMatchesNothing() {
        byte[] log = BootScript.nvr(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, "08:a1:89:0e:18:97")
                .bytes();
        assertThat(BaudMismatch.garble(log, 1.0)).as("the simulated UART is faithful at the right rate")
                .isEqualTo(log);
        for (double ratio : new double[] {0.5, 1.0 / 12, 2.0, 115200.0 / 57600 / 1.5, 0.75, 1.5, 4.0}) {
            byte[] heard = BaudMismatch.garble(log, ratio);
            List<LineFramer.Line> lines = frame(heard, new Random(7));
            for (LineFramer.Line l : lines) {
                assertThat(parser.parse(l.text())).as("ratio %s line %s", ratio, l.text()).isEmpty();
            }
        }
    }

    private static List<LineFramer.Line> frame(byte[] data, Random r) {
        LineFramer f = new LineFramer();
        List<LineFramer.Line> out = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int n = Math.min(data.length - i, r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(97));
            f.feed(data, i, n, out::add);
            i += n;
        }
        f.finish(out::add);
        return out;
    }

    private static String cleanLine(Random r) {
        if (r.nextInt(3) == 0) {
            return REAL_LINES.get(r.nextInt(REAL_LINES.size()));
        }
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(200);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(10) == 0) {
                b.appendCodePoint(WIDE.codePointAt(WIDE.offsetByCodePoints(0, r.nextInt(WIDE.codePointCount(0,
                        WIDE.length())))));
            } else {
                b.append((char) (0x20 + r.nextInt(0x5F)));
            }
        }
        return b.toString();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] run(int value, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
