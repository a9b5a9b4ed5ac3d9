package org.resetdesk.ui;

import javax.swing.JButton;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/** A yes/no card on the overlay for the few steps that cannot be undone (re-export, abandon). */
public final class Confirm extends OverlayCard {

    private Confirm(Overlay overlay, String titleKey, String text, String yesKey, Runnable onYes) {
        super(new MigLayout("insets 36, wrap 1, gap 18", "[620!, fill]"));
        setName("confirm");
        javax.swing.JLabel title = Ui.label(titleKey, "h2");
        title.setIcon(Icons.sized(Icons.WARNING, 34));
        title.setIconTextGap(12);
        add(title);
        add(Ui.wrapping(text, "lead"));
        JButton no = Ui.button("confirm.no", "common.cancel", "kioskSecondary");
        JButton yes = Ui.button("confirm.yes", yesKey, "kioskDanger");
        no.addActionListener(e -> overlay.close());
        yes.addActionListener(e -> {
            overlay.close();
            onYes.run();
        });
        JPanel row = new JPanel(new MigLayout("insets 0, gap 12", "push[][]", "[64!]"));
        row.setOpaque(false);
        row.add(no, "h 64!");
        row.add(yes, "h 64!");
        add(row);
    }

    public static void ask(Session session, String titleKey, String text, String yesKey, Runnable onYes) {
        Confirm c = new Confirm(session.overlay(), titleKey, text, yesKey, onYes);
        session.overlay().open(c, (javax.swing.JComponent) Ui.find(c, "confirm.no"));
    }
}
