package org.resetdesk.ui;

import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.StaffDirectory.Staff;

/** An overlay card asking for a (manager) PIN before something guarded: leaving the kiosk, the manager screen. */
public final class PinPrompt extends OverlayCard implements Overlay.Wipeable {
    private final SignInPanel signIn;

    public PinPrompt(Session session, String purposeKey, boolean managerOnly, Consumer<Staff> onSuccess,
                     Runnable onCancel) {
        super(new MigLayout("insets 32, wrap 1, gap 16", "[fill]"));
        setName("pinPrompt");
        JLabel title = Ui.label(purposeKey, "h2");
        title.setIcon(Icons.sized(Icons.LOCK, 30));
        title.setIconTextGap(12);
        signIn = new SignInPanel(session, "pinPrompt", managerOnly, onSuccess);
        signIn.setName("pinPrompt");
        JButton cancel = Ui.button("pinPrompt.cancel", "common.cancel", "kioskSecondary");
        cancel.addActionListener(e -> onCancel.run());
        add(title);
        add(signIn);
        add(cancel, "align right, growx 0, h 56!");
        signIn.reload();
    }

    @Override
    public void wipe() {
        signIn.wipe();
    }
}
