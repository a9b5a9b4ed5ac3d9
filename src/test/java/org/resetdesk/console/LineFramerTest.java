package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<LineFramer.Line> lines) {
        return lines.stream().map(LineFramer.Line::text).toList();
    }

    /** Feeds one byte per read: the worst chunking a serial driver can produce. */
    private static List<LineFramer.Line> byteByByte(byte[] data) {
        LineFramer f = new LineFramer();
        List<LineFramer.Line> out = new ArrayList<>();
        for (byte b : data) {
            f.feed(new byte[] {b}, 0, 1, out::add);
        }
        f.finish(out::add);
        return out;
    }

    @Test
    void crLfCrlfAndLfcrEachEndOneLine() {
        for (String eol : List.of("\r", "\n", "\r\n", "\n\r")) {
            LineFramer f = new LineFramer();
            List<LineFramer.Line> lines = f.feed(bytes("one" + eol + "two" + eol + "three" + eol));
            assertThat(texts(lines)).as("eol %s", eol.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly("one", "two", "three");
        }
    }

    @Test
    void blankLinesAreNotReportedAndCrlfSplitAcrossReadsIsOneEnd() {
        LineFramer f = new LineFramer();
        List<LineFramer.Line> out = new ArrayList<>();
        byte[] first = bytes("\r\n\r\nU-Boot 2010.06\r");
        byte[] second = bytes("\nDRAM:  512 MiB\r\n\r\n");
        f.feed(first, 0, first.length, out::add);
        f.feed(second, 0, second.length, out::add);
        assertThat(texts(out)).containsExactly("U-Boot 2010.06", "DRAM:  512 MiB");
    }

    @Test
    void multiByteCharactersSplitAcrossReadsComeOutWhole() {
        String text = "Ünïcødé € 😀 日本";
        byte[] data = bytes(text + "\n");
        for (int cut = 1; cut < data.length - 1; cut++) {
            LineFramer f = new LineFramer();
            List<LineFramer.Line> out = new ArrayList<>();
            f.feed(data, 0, cut, out::add);
            assertThat(out).isEmpty();
            f.feed(data, cut, data.length - cut, out::add);
            assertThat(texts(out)).as("cut at %d", cut).containsExactly(text);
        }
        assertThat(texts(byteByByte(data))).containsExactly(text);
    }

    @Test
    void malformedBytesBecomeOneReplacementCharacterPerRun() {
        byte[] data = {'a', (byte) 0xC3, (byte) 0x28, 'b', (byte) 0x80, (byte) 0x81, (byte) 0xBF, 'c', '\n'};
        List<LineFramer.Line> lines = new LineFramer().feed(data);
        assertThat(texts(lines)).containsExactly("a\uFFFD(b\uFFFDc");
    }

    @Test
    void nulAndFfRunsAreDropped() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[200]); // a miswired or idle line: all 0x00
        b.writeBytes(bytes("U-Boot"));
        for (int i = 0; i < 300; i++) {
            b.write(0xFF); // idle line after boot
        }
        b.writeBytes(bytes(" 2010.06\r\n"));
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0, '\r', '\n'});
        assertThat(texts(byteByByte(b.toByteArray()))).containsExactly("U-Boot 2010.06");
    }

    @Test
    void longLineIsCutAtTheCapFlaggedAndTheRestDiscarded() {
        LineFramer f = new LineFramer(64);
        String exact = "x".repeat(64);
        String tooLong = "y".repeat(1000);
        List<LineFramer.Line> lines = f.feed(bytes(exact + "\n" + tooLong + "\nafter\n"));
        assertThat(lines).containsExactly(new LineFramer.Line(exact, false), new LineFramer.Line("y".repeat(64), true),
                new LineFramer.Line("after", false));
    }

    @Test
    void endlessGarbageWithoutLineEndsStaysBounded() {
        LineFramer f = new LineFramer();
        List<LineFramer.Line> out = new ArrayList<>();
        byte[] chunk = bytes("z".repeat(1000));
        for (int i = 0; i < 1000; i++) {
            f.feed(chunk, 0, chunk.length, out::add);
        }
        assertThat(out).hasSize(1);
        assertThat(out.get(0).truncated()).isTrue();
        assertThat(out.get(0).text()).hasSize(LineFramer.DEFAULT_MAX_LINE);
    }

    @Test
    void backspaceErasesLikeATerminalSoTheAutobootCountdownReadsLikeTheScreen() {
        List<LineFramer.Line> lines = byteByByte(bytes("Hit ctrl+u to stop autoboot:  1\b\b\b 0 \r\n"));
        assertThat(texts(lines)).containsExactly("Hit ctrl+u to stop autoboot: 0 ");
    }

    @Test
    void controlCharactersAreDroppedButTabsKept() {
        List<LineFramer.Line> lines = new LineFramer().feed(bytes("\u0007a\tb\u001b[0mc\u007f\n"));
        assertThat(texts(lines)).containsExactly("a\tb[0mc");
    }

    @Test
    void finishReportsTheUnterminatedLastLineAndATruncatedCharacter() {
        LineFramer f = new LineFramer();
        List<LineFramer.Line> out = new ArrayList<>();
        byte[] euro = bytes("€");
        byte[] start = bytes("Starting kernel ...");
        f.feed(start, 0, start.length, out::add);
        f.feed(euro, 0, 2, out::add);
        assertThat(out).isEmpty();
        f.finish(out::add);
        assertThat(texts(out)).containsExactly("Starting kernel ...\uFFFD");
        out.clear();
        byte[] again = bytes("again\n");
        f.feed(again, 0, again.length, out::add);
        assertThat(texts(out)).containsExactly("again");
    }
}
