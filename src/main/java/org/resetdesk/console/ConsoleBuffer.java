package org.resetdesk.console;

/**
 * The live console view's inbox: any thread appends lines, the UI takes everything at once. Intended use in Swing: a
 * {@code javax.swing.Timer(33, e -> { String s = buffer.drain(); if (s != null) textArea.append(s); })} started on
 * the EDT, so the text area gets at most one append per frame (~30 Hz) however fast the console prints, and no serial
 * thread ever touches Swing. When nobody drains, only the newest {@code capacity} characters are kept (whole lines
 * where possible).
 *
 * <p>Thread-safe. Use {@link #listener()} to feed it from a {@link org.resetdesk.job.ConsoleLink}.
 */
public final class ConsoleBuffer {
    public static final int DEFAULT_CAPACITY = 64 * 1024;

    private final int capacity;
    private final StringBuilder text = new StringBuilder();
    private long droppedChars;

    public ConsoleBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public ConsoleBuffer(int capacity) {
        if (capacity < 256) {
            throw new IllegalArgumentException("console buffer too small: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds one line (a newline is appended). */
    public synchronized void appendLine(String line) {
        text.append(line).append('\n');
        int excess = text.length() - capacity;
        if (excess > 0) {
            int cut = text.indexOf("\n", excess);
            cut = cut < 0 || cut + 1 >= text.length() ? excess : cut + 1;
            text.delete(0, cut);
            droppedChars += cut;
        }
    }

    /** Everything appended since the last drain, or {@code null} when nothing was. */
    public synchronized String drain() {
        if (text.length() == 0) {
            return null;
        }
        String out = text.toString();
        text.setLength(0);
        return out;
    }

    /** Characters thrown away because nobody drained in time. */
    public synchronized long droppedChars() {
        return droppedChars;
    }

    /** A console listener that appends every line, and a mark for boots, failures and link changes. */
    public org.resetdesk.job.ConsoleLink.Listener listener() {
        return new org.resetdesk.job.ConsoleLink.Listener() {
            @Override
            public void onLine(java.time.Instant at, String line) {
                appendLine(line);
            }

            @Override
            public void onLink(java.time.Instant at, boolean connected, String detail) {
                appendLine("--- console " + (connected ? "connected: " : "disconnected: ") + detail);
            }
        };
    }
}
