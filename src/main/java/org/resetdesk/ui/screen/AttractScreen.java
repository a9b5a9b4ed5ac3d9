package org.resetdesk.ui.screen;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.KioskScreen;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Theme;
import org.resetdesk.ui.Ui;

/** Shown while the station is idle: the shop, what the station does, and "tap anywhere to begin". */
public final class AttractScreen extends JPanel implements KioskScreen {

    public AttractScreen(Session session) {
        super(new MigLayout("fill, insets 64, wrap 1", "[center]", "push[]32[]16[]48[]push[]"));
        setFocusable(true);
        add(new JLabel(Icons.ATTRACT.derive(200, 200)));
        JLabel shop = new JLabel(session.settings().shopName());
        shop.setName("attract.shop");
        add(Ui.style(shop, "attractTitle"));
        add(Ui.label("attract.what", "attractHint"));
        JLabel hint = Ui.label("attract.tap", "attractHint");
        hint.setName("attract.tap");
        add(hint);
        JLabel lang = new JLabel(Messages.get("attract.languages"));
        add(Ui.style(lang, "attractHint"), "gaptop 24");
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                begin(session);
            }
        });
        addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                begin(session);
            }
        });
    }

    private static void begin(Session session) {
        session.show(session.staff() != null ? "board" : "signin");
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        Color a = Theme.color("accent");
        g2.setPaint(new GradientPaint(0, 0, a, getWidth(), getHeight(), a.darker()));
        g2.fillRect(0, 0, getWidth(), getHeight());
        g2.dispose();
    }

    @Override
    public String id() {
        return "attract";
    }

    @Override
    public JComponent view() {
        return this;
    }

    @Override
    public JComponent firstFocus() {
        return this;
    }
}
