package org.resetdesk.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Debug check for EDT discipline: a repaint manager that records every repaint or revalidate of a showing component
 * requested from a thread other than the event thread. Installed by the GUI tests (which fail on any record) and by
 * the kiosk when started with {@code -Dresetdesk.edtCheck=true} (which logs them).
 */
public final class EdtCheck extends RepaintManager {
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** Installs a fresh check as the current repaint manager and returns it. */
    public static EdtCheck install() {
        EdtCheck c = new EdtCheck();
        RepaintManager.setCurrentManager(c);
        return c;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public void clear() {
        violations.clear();
    }

    @Override
    public synchronized void addInvalidComponent(JComponent c) {
        check(c);
        super.addInvalidComponent(c);
    }

    @Override
    public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
        check(c);
        super.addDirtyRegion(c, x, y, w, h);
    }

    private void check(JComponent c) {
        if (!SwingUtilities.isEventDispatchThread() && c.isShowing()) {
            StringBuilder sb = new StringBuilder(Thread.currentThread().getName()).append(": ")
                    .append(c.getClass().getName()).append(' ').append(c.getName());
            for (StackTraceElement e : new Throwable().getStackTrace()) {
                if (e.getClassName().startsWith("org.resetdesk")) {
                    sb.append("\n  at ").append(e);
                }
            }
            violations.add(sb.toString());
            System.getLogger("edt").log(System.Logger.Level.WARNING, "Swing touched off the EDT: " + sb);
        }
    }
}
