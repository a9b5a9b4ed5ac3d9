package org.resetdesk.ui;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.beans.PropertyChangeListener;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.text.JTextComponent;
import net.miginfocom.swing.MigLayout;

/**
 * The touch keyboard docked under the screens for staff forms (name, contact, search, manager fields): it types
 * into whichever text field has the focus. The customer's password and the support key have their own keyboards.
 */
final class KeyboardDock extends JPanel {
    private final OnScreenKeyboard keyboard = new OnScreenKeyboard("dock.kb", OnScreenKeyboard.Mode.FULL);
    private final PropertyChangeListener follow = e -> {
        if (e.getNewValue() instanceof JTextComponent t && !(t instanceof JPasswordField && !isInside(t))) {
            keyboard.target(t);
            reveal(t);
        }
    };

    KeyboardDock() {
        super(new MigLayout("insets 10 0 12 0", "[grow, center]"));
        setName("keyboardDock");
        Ui.style(this, "header");
        add(keyboard);
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addPropertyChangeListener("permanentFocusOwner", follow);
        Component now = KeyboardFocusManager.getCurrentKeyboardFocusManager().getPermanentFocusOwner();
        if (now instanceof JTextComponent t) {
            keyboard.target(t);
        }
    }

    /** PIN fields of the manager screen may use the dock; the customer's password screen never shows it. */
    private static boolean isInside(JTextComponent t) {
        return "manager.newPin".equals(t.getName());
    }

    /** Scrolls the field into view once the layout has settled (the dock takes space from the screen). */
    static void reveal(JTextComponent t) {
        javax.swing.SwingUtilities.invokeLater(() -> t.scrollRectToVisible(new java.awt.Rectangle(0, 0, t.getWidth(),
                t.getHeight())));
    }

    @Override
    public void setVisible(boolean on) {
        super.setVisible(on);
        Component now = KeyboardFocusManager.getCurrentKeyboardFocusManager().getPermanentFocusOwner();
        if (on && now instanceof JTextComponent t) {
            reveal(t);
        }
    }

    void detach() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removePropertyChangeListener("permanentFocusOwner",
                follow);
    }
}
