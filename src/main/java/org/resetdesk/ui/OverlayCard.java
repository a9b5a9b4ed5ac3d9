package org.resetdesk.ui;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.LayoutManager;
import java.awt.RenderingHints;
import javax.swing.JPanel;

/** The rounded card every overlay shows (PIN prompt, idle warning, confirmation), painted over the dimmed screen. */
class OverlayCard extends JPanel {
    private static final int ARC = 28;

    OverlayCard(LayoutManager layout) {
        super(layout);
        setOpaque(false);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(Theme.color("card"));
        g2.fillRoundRect(0, 0, getWidth(), getHeight(), ARC, ARC);
        if (Theme.isHighContrast()) {
            g2.setColor(Theme.color("text"));
            g2.drawRoundRect(1, 1, getWidth() - 3, getHeight() - 3, ARC, ARC);
        }
        g2.dispose();
    }
}
