package org.resetdesk.ui;

import java.awt.event.KeyEvent;
import java.util.Arrays;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.KeyStroke;
import net.miginfocom.swing.MigLayout;

/**
 * A masked PIN field with a large 3×4 digit pad. The pad buttons do not take the focus, so a physical keyboard
 * keeps typing into the field. {@link #take()} hands the PIN over and clears the field.
 */
public final class PinPad extends JPanel {
    private final JPasswordField field = new JPasswordField(new SecretDocument(), null, 8);

    public PinPad(String name, Runnable onEnter) {
        super(new MigLayout("insets 0, gap 8", "[76!, fill][76!, fill][76!, fill]", "[60!]10[58!][58!][58!][58!]"));
        setOpaque(false);
        field.setName(name + ".field");
        Ui.style(field, "big");
        field.setHorizontalAlignment(JPasswordField.CENTER);
        field.addActionListener(e -> onEnter.run());
        field.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "none");
        add(field, "span 3, growx, h 60!, wrap");
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"};
        int i = 0;
        for (String k : keys) {
            JButton b;
            if (k.equals("clear")) {
                b = Ui.button(name + ".clear", "pin.clear", "keyWide");
                b.addActionListener(e -> clear());
            } else if (k.equals("back")) {
                b = new JButton(Icons.sized(Icons.BACKSPACE, 28));
                b.setName(name + ".back");
                b.setToolTipText(Messages.get("keyboard.backspace"));
                Ui.style(b, "keyWide");
                b.addActionListener(e -> backspace());
            } else {
                b = new JButton(k);
                b.setName(name + "." + k);
                Ui.style(b, "key");
                b.addActionListener(e -> field.replaceSelection(k));
            }
            b.setFocusable(false);
            i++;
            add(b, "h 58!" + (i % 3 == 0 && i < keys.length ? ", wrap" : ""));
        }
    }

    private void backspace() {
        char[] pin = field.getPassword();
        field.setText(pin.length == 0 ? "" : new String(pin, 0, pin.length - 1));
        Arrays.fill(pin, '\0');
    }

    public JPasswordField field() {
        return field;
    }

    /** The PIN typed so far; the caller wipes the array. The field is cleared. */
    public char[] take() {
        char[] pin = field.getPassword();
        field.setText("");
        return pin;
    }

    public void clear() {
        field.setText("");
    }
}
