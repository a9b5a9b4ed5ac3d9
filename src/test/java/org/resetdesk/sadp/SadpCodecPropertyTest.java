package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded property test: tens of thousands of mutated captures. For every input the decoder either returns a
 * document with a root, or throws {@link SadpFormatException} carrying exactly the input bytes; nothing else, and
 * each batch finishes within a preemptive timeout (a hang fails the test instead of stalling the build).
 */
class SadpCodecPropertyTest {
    private static final long SEED = 0x5AD9_2026L;
    private static final int BATCHES = 20;
    private static final int PER_BATCH = 2_000;
    private static final String[] TOKENS = {"<", ">", "</", "/>", "&", "&amp;", "&#x0;", "&#99999999;", "<!--",
        "-->", "<![CDATA[", "]]>", "<?", "?>", "<!DOCTYPE", "<!ENTITY", "\"", "'", "=", "\r\n", "\u0000", "flase",
        "<ProbeMatch>", "</ProbeMatch>", "<Result>", "</Result>", "<a b='", "\uFFFD", "ü", "\t"};

    private final List<byte[]> seeds = List.of(Fixtures.bytes(Fixtures.VECTOR_1), Fixtures.bytes(Fixtures.VECTOR_2),
            Fixtures.bytes(Fixtures.VECTOR_6), Fixtures.bytes("must-recover/reset-reply-codeerror.xml"),
            Fixtures.bytes("must-recover/namespaced-comment-cdata.xml"));

    @Test
    void mutatedCapturesNeverThrowAnythingElseAndNeverHang() {
        Random rnd = new Random(SEED);
        int[] outcome = new int[2];
        for (int b = 0; b < BATCHES; b++) {
            List<byte[]> batch = new ArrayList<>(PER_BATCH);
            for (int i = 0; i < PER_BATCH; i++) {
                batch.add(mutate(seeds.get(rnd.nextInt(seeds.size())), rnd));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (byte[] in : batch) {
                    outcome[check(in)]++;
                }
            }, "batch " + b + " of seed " + SEED);
        }
        // Both paths must have been exercised, or the mutations are too weak to prove anything.
        assertThat(outcome[0]).as("decoded").isGreaterThan(1_000);
        assertThat(outcome[1]).as("refused").isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "<a", "<a ", "</", "&", "<![CDATA[", "<a>", "<a b='", "<!--", "<?", "<a/>",
        "</a>", "<a>x</b>", "<a\n", "<<>>"})
    void pathologicalRepetitionsUpToTheCapStayLinear(String unit) {
        StringBuilder sb = new StringBuilder(SadpCodec.MAX_PAYLOAD);
        while (sb.length() + unit.length() <= SadpCodec.MAX_PAYLOAD) {
            sb.append(unit);
        }
        byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(in), unit);
    }

    /** 0 = decoded, 1 = refused with the raw bytes; any other throwable fails the test. */
    private static int check(byte[] in) {
        try {
            SadpDocument d = SadpCodec.decode(in);
            assertThat(d.root()).isNotBlank();
            assertThat(d.fields()).doesNotContainKey(null);
            return 0;
        } catch (SadpFormatException e) {
            assertThat(e.raw()).isEqualTo(in);
            return 1;
        }
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] cur = seed;
        int ops = 1 + rnd.nextInt(4);
        for (int k = 0; k < ops; k++) {
            int len = cur.length;
            int at = len == 0 ? 0 : rnd.nextInt(len);
            ByteArrayOutputStream out = new ByteArrayOutputStream(len + 64);
            switch (rnd.nextInt(8)) {
                case 0 -> { // truncate
                    out.write(cur, 0, at);
                }
                case 1 -> { // delete a range
                    int n = Math.min(len - at, 1 + rnd.nextInt(40));
                    out.write(cur, 0, at);
                    out.write(cur, at + n, len - at - n);
                }
                case 2 -> { // flip a byte
                    out.write(cur, 0, len);
                    byte[] b = out.toByteArray();
                    if (len > 0) {
                        b[at] = (byte) rnd.nextInt(256);
                    }
                    cur = b;
                    continue;
                }
                case 3, 4 -> { // insert a hostile token
                    out.write(cur, 0, at);
                    out.writeBytes(TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    out.write(cur, at, len - at);
                }
                case 5 -> { // duplicate a range (repeated elements, nested roots)
                    int n = Math.min(len - at, 1 + rnd.nextInt(200));
                    out.write(cur, 0, at + n);
                    out.write(cur, at, len - at);
                }
                case 6 -> { // swap two halves (reordering)
                    out.write(cur, at, len - at);
                    out.write(cur, 0, at);
                }
                default -> { // random ASCII run
                    out.write(cur, 0, at);
                    for (int i = rnd.nextInt(30); i > 0; i--) {
                        out.write(0x20 + rnd.nextInt(0x5f));
                    }
                    out.write(cur, at, len - at);
                }
            }
            cur = out.toByteArray();
        }
        return cur;
    }
}
