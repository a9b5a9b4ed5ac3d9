package org.resetdesk.ui;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import org.resetdesk.job.PasswordRules.Strength;

/** Four segments filled by strength: red for risky, amber for weak and medium, green for strong. */
public final class StrengthMeter extends JComponent {
    private Strength strength;

    public StrengthMeter() {
        setName("strengthMeter");
        setPreferredSize(new Dimension(300, 14));
    }

    /** Null shows an empty meter (nothing typed yet). */
    public void strength(Strength s) {
        strength = s;
        repaint();
    }

    public Strength strength() {
        return strength;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int filled = strength == null ? 0 : strength.ordinal() + 1;
        String colour = strength == null ? "muted" : switch (strength) {
            case RISKY -> "bad";
            case WEAK, MEDIUM -> "warn";
            case STRONG -> "ok";
        };
        int gap = 8;
        int w = (getWidth() - 3 * gap) / 4;
        for (int i = 0; i < 4; i++) {
            g2.setColor(i < filled ? Theme.color(colour) : Theme.color("muted").brighter());
            if (i >= filled) {
                g2.setColor(new java.awt.Color(g2.getColor().getRed(), g2.getColor().getGreen(),
                        g2.getColor().getBlue(), 70));
            }
            g2.fillRoundRect(i * (w + gap), 0, w, getHeight(), getHeight(), getHeight());
        }
        g2.dispose();
    }
}
