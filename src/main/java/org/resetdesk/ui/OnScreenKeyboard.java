package org.resetdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.text.BadLocationException;
import javax.swing.text.JTextComponent;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.PasswordRules;

/**
 * A large touch keyboard that types into a text component. Keys never take the focus, so a physical keyboard keeps
 * working. {@link Mode#KEY} has letters and digits only (support keys); {@link Mode#FULL} adds a shift key and a page
 * with the special characters the recorder accepts (recorder-console-and-isapi.md B4).
 */
public final class OnScreenKeyboard extends JPanel {
    public enum Mode { KEY, FULL }

    private static final String DIGITS = "1234567890";
    private final Mode mode;
    /** Key size in px: at least 48 (touch target), smaller on the full keyboard so it fits beside the fields. */
    private final int key;
    private final List<JButton> letterKeys = new ArrayList<>();
    private final JPanel letters;
    private final JPanel specials;
    private JTextComponent target;
    private boolean upper;
    private JToggleButton shift;

    public OnScreenKeyboard(String name, Mode mode) {
        super(new MigLayout("insets 0, gap 0", "[]", "[]"));
        this.mode = mode;
        this.key = mode == Mode.KEY ? 60 : 54;
        setName(name);
        setOpaque(false);
        upper = mode == Mode.KEY;
        letters = page(name, rows());
        specials = mode == Mode.FULL ? specialsPage(name) : null;
        add(letters);
    }

    private String[] rows() {
        boolean german = Messages.locale().getLanguage().equals(Locale.GERMAN.getLanguage());
        return german
                ? new String[] {DIGITS, "qwertzuiop", "asdfghjkl", "yxcvbnm"}
                : new String[] {DIGITS, "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    }

    public void target(JTextComponent t) {
        target = t;
    }

    private JPanel page(String name, String[] rows) {
        JPanel p = new JPanel(new MigLayout("insets 0, gap 8, wrap 1", "[center]"));
        p.setOpaque(false);
        for (int r = 0; r < rows.length; r++) {
            JPanel row = new JPanel(new MigLayout("insets 0, gap 8", "", "[" + key + "!]"));
            row.setOpaque(false);
            if (r == rows.length - 1 && mode == Mode.FULL) {
                shift = new JToggleButton(Messages.get("keyboard.shift"));
                shift.setName(name + ".shift");
                Ui.style(shift, "keyWide");
                shift.setFocusable(false);
                shift.addActionListener(e -> setUpper(shift.isSelected()));
                row.add(shift, "w 112!, h " + key + "!");
            }
            for (char c : rows[r].toCharArray()) {
                JButton b = key(name, c);
                if (Character.isLetter(c)) {
                    letterKeys.add(b);
                }
                row.add(b, "w " + key + "!, h " + key + "!");
            }
            if (r == rows.length - 1) {
                row.add(backspace(name), "w 96!, h " + key + "!");
            }
            p.add(row);
        }
        if (mode == Mode.FULL) {
            JPanel last = new JPanel(new MigLayout("insets 0, gap 8", "", "[" + key + "!]"));
            last.setOpaque(false);
            JButton more = Ui.button(name + ".symbols", "keyboard.symbols", "keyWide");
            more.setFocusable(false);
            more.addActionListener(e -> swap(specials));
            JButton space = Ui.button(name + ".space", "keyboard.space", "keyWide");
            space.setFocusable(false);
            space.addActionListener(e -> type(' '));
            last.add(more, "w 120!, h " + key + "!");
            last.add(space, "w 360!, h " + key + "!");
            p.add(last);
        }
        setUpper(upper);
        return p;
    }

    private JPanel specialsPage(String name) {
        String chars = PasswordRules.SPECIALS.replace(" ", "");
        JPanel p = new JPanel(new MigLayout("insets 0, gap 8, wrap 10", "[" + key + "!]", "[" + key + "!]"));
        p.setOpaque(false);
        for (char c : chars.toCharArray()) {
            p.add(key(name, c), "w " + key + "!, h " + key + "!");
        }
        JButton abc = Ui.button(name + ".letters", "keyboard.letters", "keyWide");
        abc.setFocusable(false);
        abc.addActionListener(e -> swap(letters));
        p.add(abc, "span 2, w " + (2 * key + 8) + "!, h " + key + "!");
        p.add(backspace(name + ".sym"), "span 2, w " + (2 * key + 8) + "!, h " + key + "!");
        return p;
    }

    private void swap(JPanel page) {
        removeAll();
        add(page);
        revalidate();
        repaint();
    }

    private JButton key(String name, char c) {
        JButton b = new JButton(String.valueOf(c));
        b.setName(name + ".key." + keyName(c));
        Ui.style(b, "key");
        b.setFocusable(false);
        b.addActionListener(e -> type(b.getText().charAt(0)));
        return b;
    }

    private static String keyName(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "u" + (int) c;
    }

    private JButton backspace(String name) {
        JButton b = new JButton(Icons.sized(Icons.BACKSPACE, 28));
        b.setName(name + ".backspace");
        b.setToolTipText(Messages.get("keyboard.backspace"));
        Ui.style(b, "keyWide");
        b.setFocusable(false);
        b.addActionListener(e -> backspace());
        return b;
    }

    private void setUpper(boolean u) {
        upper = u;
        for (JButton b : letterKeys) {
            String t = b.getText();
            b.setText(u ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
        }
    }

    private void type(char c) {
        if (target == null || !target.isEditable() || !target.isEnabled()) {
            return;
        }
        target.replaceSelection(String.valueOf(c));
        if (shift != null && shift.isSelected()) {
            shift.setSelected(false);
            setUpper(false);
        }
    }

    private void backspace() {
        if (target == null || !target.isEditable()) {
            return;
        }
        if (target.getSelectionStart() != target.getSelectionEnd()) {
            target.replaceSelection("");
            return;
        }
        int at = target.getCaretPosition();
        if (at > 0) {
            try {
                target.getDocument().remove(at - 1, 1);
            } catch (BadLocationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
