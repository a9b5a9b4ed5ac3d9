package org.resetdesk.ui;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.event.MouseAdapter;
import javax.swing.JComponent;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/**
 * The frame's glass pane: dims the screen and shows one card in the middle (idle warning, PIN prompt, confirm).
 * While shown it swallows clicks meant for the screen underneath.
 */
public final class Overlay extends JPanel {
    private JComponent content;

    Overlay() {
        super(new MigLayout("fill, insets 0", "[center]", "[center]"));
        setOpaque(false);
        // transparent, so rounded cards leave the dimmed screen visible in their corners
        setBackground(new Color(0, 0, 0, 0));
        setName("overlay");
        MouseAdapter swallow = new MouseAdapter() {};
        addMouseListener(swallow);
        addMouseMotionListener(swallow);
    }

    public void open(JComponent card) {
        open(card, null);
    }

    public void open(JComponent card, JComponent focus) {
        Ui.assertEdt();
        removeAll();
        content = card;
        add(card);
        setVisible(true);
        revalidate();
        repaint();
        if (focus != null) {
            focus.requestFocusInWindow();
        } else {
            card.requestFocusInWindow();
        }
    }

    public void close() {
        Ui.assertEdt();
        if (content instanceof Wipeable w) {
            w.wipe();
        }
        removeAll();
        content = null;
        setVisible(false);
    }

    public boolean showing(Class<?> kind) {
        return isVisible() && kind.isInstance(content);
    }

    @Override
    protected void paintComponent(Graphics g) {
        g.setColor(new Color(10, 20, 30, 150));
        g.fillRect(0, 0, getWidth(), getHeight());
        super.paintComponent(g);
    }

    /** An overlay card that holds something sensitive (a PIN) and must wipe it when closed. */
    public interface Wipeable {
        void wipe();
    }
}
