package org.resetdesk.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.text.BadLocationException;
import org.resetdesk.console.ConsoleBuffer;

/**
 * The live serial console of the recorder on the counter. Lines arrive in a {@link ConsoleBuffer} from any thread; a
 * Swing {@link Timer} drains it every 33 ms into the text area with one append, so a chatty console costs at most
 * ~30 appends a second on the EDT. The area keeps about the last {@code maxChars} characters.
 */
public final class ConsoleView extends JPanel {
    public static final int FRAME_MS = 33;
    private final ConsoleBuffer buffer;
    private final JTextArea area = new JTextArea();
    private final Timer timer;
    private final int maxChars;

    /** Build on the EDT; call {@link #start()} when shown and {@link #stop()} when hidden. */
    public ConsoleView(ConsoleBuffer buffer, int maxChars) {
        super(new BorderLayout());
        this.buffer = buffer;
        this.maxChars = maxChars;
        area.setEditable(false);
        area.setLineWrap(false);
        area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        area.setName("console.text");
        add(new JScrollPane(area), BorderLayout.CENTER);
        timer = new Timer(FRAME_MS, e -> drain());
        timer.setCoalesce(true);
    }

    public ConsoleView(ConsoleBuffer buffer) {
        this(buffer, 200_000);
    }

    public void start() {
        assertEdt();
        timer.start();
    }

    public void stop() {
        assertEdt();
        timer.stop();
    }

    public boolean isRunning() {
        return timer.isRunning();
    }

    JTextArea textArea() {
        return area;
    }

    /** One frame: everything buffered goes into the area in one append, then old text is trimmed. */
    void drain() {
        assertEdt();
        String text = buffer.drain();
        if (text == null) {
            return;
        }
        area.append(text);
        int excess = area.getDocument().getLength() - maxChars;
        if (excess > 0) {
            try {
                area.getDocument().remove(0, excess);
            } catch (BadLocationException e) {
                area.setText("");
            }
        }
        area.setCaretPosition(area.getDocument().getLength());
    }

    private static void assertEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("ConsoleView is used off the event dispatch thread");
        }
    }
}
