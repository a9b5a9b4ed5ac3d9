package org.resetdesk.ui.screen;

import javax.swing.JComponent;
import org.resetdesk.ui.Session;
import org.resetdesk.ui.SignInPanel;

/** Staff pick their name and type their PIN; repeated wrong PINs lock the account (the directory decides). */
public final class SignInScreen extends ScreenBase {
    private final SignInPanel panel;

    public SignInScreen(Session session) {
        super(session, "signin", "signin.title");
        lead(msg("signin.lead"));
        panel = new SignInPanel(session, "signin", false, session::signedIn);
        body.setLayout(new net.miginfocom.swing.MigLayout("insets 0", "[grow, fill]", "[top]"));
        body.add(panel);
        var svc = session.ctx().services();
        if (session.ctx().training() && svc.trainingStaffPin() != null) {
            javax.swing.JLabel hint = new javax.swing.JLabel(fmt("signin.trainingHint", svc.trainingStaffPin(),
                    svc.trainingManagerPin()));
            hint.setName("signin.trainingHint");
            hint.setIcon(org.resetdesk.ui.Icons.sized(org.resetdesk.ui.Icons.INFO, 22));
            org.resetdesk.ui.Ui.style(hint, "lead");
            footer.add(hint, "cell 1 0, wmin 0");
        }
        back("signin.back", () -> session.show("attract"));
    }

    @Override
    public void onShow() {
        panel.reload();
    }

    @Override
    public void onHide() {
        panel.wipe();
    }

    @Override
    public JComponent firstFocus() {
        return panel.focusTarget();
    }
}
