package org.resetdesk.ui.screen;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.KioskScreen;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Screens;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.Ui;

/**
 * The frame every work screen shares: wizard steps (for job screens), a title and a one-line lead, the body, and
 * a footer with "back" on the left and the actions on the right.
 */
abstract class ScreenBase extends JPanel implements KioskScreen {
    protected final Session session;
    protected final JPanel body = new FittingBody();
    protected final JPanel footer = new JPanel(new MigLayout("insets 0, gap 12", "[][grow, fill][]", "[64!]"));
    protected final JLabel title;
    protected final JLabel lead;
    private final String id;
    private final JPanel actions = new JPanel(new MigLayout("insets 0, gap 12, hidemode 3", "", "[64!]"));

    ScreenBase(Session session, String id, String titleKey) {
        super(new MigLayout("fill, insets 20 32 20 32, gap 0", "[grow, fill]", "[][][]16[grow, fill]16[]"));
        this.session = session;
        this.id = id;
        setFocusable(true);
        int step = Screens.WIZARD.indexOf(id);
        if (step >= 0) {
            add(new WizardSteps(step), "wrap, gapbottom 14");
        } else {
            add(new JLabel(), "wrap, h 0!");
        }
        title = Ui.label(titleKey, "h1");
        title.setName(id + ".title");
        lead = new JLabel(" ");
        lead.setName(id + ".lead");
        Ui.style(lead, "lead");
        add(title, "wrap");
        add(lead, "wrap, gaptop 4");
        body.setOpaque(false);
        javax.swing.JScrollPane scroll = new javax.swing.JScrollPane(body);
        scroll.setBorder(null);
        scroll.setOpaque(false);
        scroll.getViewport().setOpaque(false);
        scroll.setHorizontalScrollBarPolicy(javax.swing.JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        add(scroll, "wrap, hmin 0, wmin 0");
        footer.setOpaque(false);
        actions.setOpaque(false);
        footer.add(javax.swing.Box.createHorizontalGlue(), "cell 1 0, growx");
        footer.add(actions, "cell 2 0, align right");
        add(footer, "growx");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public JComponent view() {
        return this;
    }

    protected void lead(String text) {
        lead.setText(Ui.html(text));
    }

    /** A "back" button on the left of the footer. */
    protected JButton back(String name, Runnable action) {
        JButton b = Ui.button(name, "common.back", "kioskSecondary");
        b.setIcon(Icons.sized(Icons.BACK, 22));
        b.addActionListener(e -> action.run());
        footer.add(b, "cell 0 0, h 64!");
        return b;
    }

    /** An action on the right of the footer; the primary one is the frame's default button (Enter). */
    protected JButton action(String name, String key, boolean primary, Runnable action) {
        JButton b = Ui.button(name, key, primary ? "kioskPrimary" : "kioskSecondary");
        if (primary) {
            b.setIcon(Icons.tinted(Icons.NEXT, 22, org.resetdesk.ui.Theme.color("onAccent")));
            b.setHorizontalTextPosition(JButton.LEFT);
        }
        b.addActionListener(e -> action.run());
        actions.add(b, "h 64!");
        return b;
    }

    protected String msg(String key) {
        return Messages.get(key);
    }

    protected String fmt(String key, Object... args) {
        return Messages.format(key, args);
    }

    /**
     * The body fills the space it is given and scrolls only when it cannot fit (large text, the docked keyboard),
     * so a focused field can always be brought into view.
     */
    private static final class FittingBody extends org.resetdesk.ui.WidthTrackingPanel {
        @Override
        public boolean getScrollableTracksViewportHeight() {
            return getParent() == null || getParent().getHeight() >= getMinimumSize().height;
        }
    }
}
