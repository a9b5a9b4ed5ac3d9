package org.resetdesk.ui.screen;

import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.ui.Icons;
import org.resetdesk.ui.Messages;
import org.resetdesk.ui.Screens;
import org.resetdesk.ui.Ui;

/** The row of wizard steps at the top of a job screen: done ones ticked, the current one highlighted. */
final class WizardSteps extends JPanel {
    WizardSteps(int current) {
        super(new MigLayout("insets 0, gap 6", "", "[28!]"));
        setOpaque(false);
        setName("steps");
        for (int i = 0; i < Screens.WIZARD.size(); i++) {
            String id = Screens.WIZARD.get(i);
            JLabel l = new JLabel((i + 1) + "  " + Messages.get("step." + id));
            if (i < current) {
                l.setIcon(Icons.sized(Icons.CHECK, 16));
                Ui.style(l, "muted");
            } else if (i == current) {
                Ui.style(l, "h3");
            } else {
                Ui.style(l, "muted");
            }
            add(l);
            if (i < Screens.WIZARD.size() - 1) {
                JLabel sep = new JLabel("›");
                Ui.style(sep, "muted");
                add(sep, "gapx 4 4");
            }
        }
    }
}
