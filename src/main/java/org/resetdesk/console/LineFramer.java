package org.resetdesk.console;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a serial byte stream, cut into reads of any size, into text lines. Pure: no I/O, no threads.
 *
 * <ul>
 *   <li>CR, LF, CRLF and LFCR each end one line; empty lines are not reported.</li>
 *   <li>UTF-8 is decoded with a streaming decoder, so a character split across two reads comes out whole; malformed
 *       bytes become one U+FFFD (runs of them collapse into one) instead of an exception.</li>
 *   <li>0x00 (an idle or miswired line) and 0xFF (idle after boot) bytes are dropped before decoding.</li>
 *   <li>Backspace erases the previous character, as on a terminal (U-Boot's autoboot countdown uses it); other
 *       control characters except TAB are dropped.</li>
 *   <li>A line longer than the cap is reported once, cut at the cap and flagged {@code truncated}; the rest of it, up
 *       to the next line end, is discarded.</li>
 * </ul>
 * Garbage from a baud-rate mismatch comes out as lines that simply match no boot-log pattern.
 *
 * <p>Not thread-safe: one instance per stream, fed by one thread at a time.
 */
public final class LineFramer {
    public static final int DEFAULT_MAX_LINE = 4096;
    private static final char REPLACEMENT = '\uFFFD';

    /** One framed line; {@code truncated} when it was longer than the cap and was cut. */
    public record Line(String text, boolean truncated) {}

    private final int maxLine;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(1024);
    private final CharBuffer chars = CharBuffer.allocate(1024);
    private final StringBuilder line = new StringBuilder(128);
    private char lastTerminator;
    private boolean discarding;

    public LineFramer() {
        this(DEFAULT_MAX_LINE);
    }

    public LineFramer(int maxLine) {
        if (maxLine < 16) {
            throw new IllegalArgumentException("line cap too small: " + maxLine);
        }
        this.maxLine = maxLine;
    }

    /** Feeds {@code len} bytes and reports every line they complete to {@code sink}, in order. */
    public void feed(byte[] bytes, int off, int len, Consumer<Line> sink) {
        for (int i = off; i < off + len; i++) {
            byte b = bytes[i];
            if (b == 0x00 || b == (byte) 0xFF) {
                continue;
            }
            if (!pending.hasRemaining()) {
                decode(false, sink);
            }
            pending.put(b);
        }
        decode(false, sink);
    }

    /** Convenience for tests and files: feeds all of {@code bytes} and returns the lines they complete. */
    public List<Line> feed(byte[] bytes) {
        List<Line> out = new ArrayList<>();
        feed(bytes, 0, bytes.length, out::add);
        return out;
    }

    /** End of stream: decodes what is left and reports an unterminated last line. The framer can then be reused. */
    public void finish(Consumer<Line> sink) {
        decode(true, sink);
        chars.clear();
        decoder.flush(chars);
        chars.flip();
        consume(sink);
        decoder.reset();
        if (!discarding && line.length() > 0) {
            sink.accept(new Line(line.toString(), false));
        }
        line.setLength(0);
        discarding = false;
        lastTerminator = 0;
    }

    private void decode(boolean endOfInput, Consumer<Line> sink) {
        pending.flip();
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(pending, chars, endOfInput);
            chars.flip();
            consume(sink);
            if (!result.isOverflow()) {
                break;
            }
        }
        pending.compact();
    }

    private void consume(Consumer<Line> sink) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\r' || c == '\n') {
                if (lastTerminator != 0 && lastTerminator != c) {
                    lastTerminator = 0; // second half of CRLF or LFCR
                } else {
                    endLine(sink);
                    lastTerminator = c;
                }
                continue;
            }
            lastTerminator = 0;
            if (c == '\b') {
                erase();
            } else if (c == '\t' || !Character.isISOControl(c)) {
                append(c, sink);
            }
        }
    }

    private void append(char c, Consumer<Line> sink) {
        if (discarding) {
            return;
        }
        if (c == REPLACEMENT && line.length() > 0 && line.charAt(line.length() - 1) == REPLACEMENT) {
            return;
        }
        if (line.length() >= maxLine) {
            sink.accept(new Line(line.toString(), true));
            line.setLength(0);
            discarding = true;
            return;
        }
        line.append(c);
    }

    private void erase() {
        if (discarding || line.length() == 0) {
            return;
        }
        int last = line.length() - 1;
        boolean pair = last > 0 && Character.isLowSurrogate(line.charAt(last))
                && Character.isHighSurrogate(line.charAt(last - 1));
        line.setLength(pair ? last - 1 : last);
    }

    private void endLine(Consumer<Line> sink) {
        if (discarding) {
            discarding = false;
        } else if (line.length() > 0) {
            sink.accept(new Line(line.toString(), false));
        }
        line.setLength(0);
    }
}
