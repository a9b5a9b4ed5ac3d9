package org.resetdesk.ui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Component;
import java.awt.Container;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.resetdesk.job.Refusal;
import org.resetdesk.job.RefusedException;

/**
 * Swing helpers shared by every screen. {@link #EDT} is the executor that use-case futures complete on
 * ({@code whenCompleteAsync(handler, Ui.EDT)}); methods reached from such callbacks start with {@link #assertEdt()}.
 */
public final class Ui {
    /** Runs a task on the Swing event thread. */
    public static final Executor EDT = SwingUtilities::invokeLater;

    private Ui() {}

    /** Fails fast when Swing state is touched from a worker thread. */
    public static void assertEdt() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("Swing accessed off the event thread: " + Thread.currentThread().getName());
        }
    }

    public static <T extends JComponent> T style(T c, String styleClass) {
        c.putClientProperty(FlatClientProperties.STYLE_CLASS, styleClass);
        return c;
    }

    public static JLabel label(String key, String styleClass) {
        JLabel l = new JLabel(Messages.get(key));
        return styleClass == null ? l : style(l, styleClass);
    }

    /** A label whose text wraps to the width MigLayout gives it. */
    public static JLabel wrapping(String text, String styleClass) {
        JLabel l = new JLabel(html(text));
        return styleClass == null ? l : style(l, styleClass);
    }

    public static String html(String text) {
        String esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
        return "<html>" + esc + "</html>";
    }

    /** A named button with a message-key text and a style class; the name is the test handle. */
    public static JButton button(String name, String key, String styleClass) {
        JButton b = new JButton(Messages.get(key));
        b.setName(name);
        if (styleClass != null) {
            style(b, styleClass);
        }
        return b;
    }

    public static <T extends AbstractButton> T named(T b, String name) {
        b.setName(name);
        return b;
    }

    /** The message to show for a failed use case: a refusal through the bundle, anything else as a generic error. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RefusedException r) {
            return Messages.refusal(r.refusal());
        }
        return Messages.format("error.unexpected", t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    public static Refusal refusalOf(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RefusedException r ? r.refusal() : null;
    }

    /** Finds a descendant by name (tests and keyboard focus use this). */
    public static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container k) {
                Component f = find(k, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
