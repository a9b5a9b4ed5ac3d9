package org.resetdesk.ui;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import net.miginfocom.swing.MigLayout;
import org.resetdesk.job.StaffDirectory;
import org.resetdesk.job.StaffDirectory.Staff;

/**
 * Pick a name, type the PIN. Used by the sign-in screen and by the manager-PIN prompt. The staff directory is
 * called on the I/O executor; the PIN array is wiped there once checked. Lockouts come from the directory.
 */
public final class SignInPanel extends JPanel {
    private final Session session;
    private final boolean managerOnly;
    private final Consumer<Staff> onSuccess;
    private final JPanel people = new JPanel(new MigLayout("insets 0, wrap 3, gap 12", "[200!, fill]", "[72!]"));
    private final ButtonGroup group = new ButtonGroup();
    private final PinPad pad;
    private final JLabel message = new JLabel(" ");
    private final JButton ok;
    private Staff chosen;

    public SignInPanel(Session session, String name, boolean managerOnly, Consumer<Staff> onSuccess) {
        super(new MigLayout("insets 0, gap 32 8", "[grow, fill][]", "[top][]"));
        this.session = session;
        this.managerOnly = managerOnly;
        this.onSuccess = onSuccess;
        setName(name);
        setOpaque(false);
        people.setOpaque(false);
        pad = new PinPad(name + ".pin", this::submit);
        ok = Ui.button(name + ".ok", "signin.ok", "kioskPrimary");
        ok.addActionListener(e -> submit());
        message.setName(name + ".message");
        Ui.style(message, "lead");
        JPanel right = new JPanel(new MigLayout("insets 0, wrap 1, gap 10", "[fill]"));
        right.setOpaque(false);
        right.add(pad);
        right.add(ok, "h 64!");
        add(people, "grow");
        add(right, "wrap");
        add(message, "span 2, growx");
    }

    /** Reloads the staff list (on the I/O executor). */
    public void reload() {
        Ui.assertEdt();
        chosen = null;
        pad.clear();
        message.setText(Messages.get(managerOnly ? "signin.pickManager" : "signin.pick"));
        CompletableFuture.supplyAsync(() -> session.ctx().staff().list(), session.ctx().io())
                .whenCompleteAsync((list, err) -> showPeople(list, err), Ui.EDT);
    }

    private void showPeople(List<Staff> list, Throwable err) {
        Ui.assertEdt();
        people.removeAll();
        while (group.getElements().hasMoreElements()) {
            group.remove(group.getElements().nextElement());
        }
        if (err != null) {
            message.setText(Ui.describe(err));
        } else {
            for (Staff s : list) {
                if (managerOnly && s.role() != StaffDirectory.Role.MANAGER) {
                    continue;
                }
                JToggleButton b = new JToggleButton(s.name(), Icons.sized(Icons.USER, 26));
                b.setName(getName() + ".staff." + s.id());
                Ui.style(b, "tile");
                b.setIconTextGap(12);
                b.setHorizontalAlignment(JToggleButton.LEFT);
                b.addActionListener(e -> choose(s));
                group.add(b);
                people.add(b, "h 72!");
            }
        }
        people.revalidate();
        people.repaint();
        if (people.getComponentCount() > 0 && isShowing()) {
            people.getComponent(0).requestFocusInWindow();
        }
    }

    private void choose(Staff s) {
        chosen = s;
        pad.clear();
        message.setText(Messages.format("signin.enterPin", s.name()));
        pad.field().requestFocusInWindow();
    }

    private void submit() {
        Ui.assertEdt();
        char[] pin = pad.take();
        if (chosen == null) {
            Arrays.fill(pin, '\0');
            message.setText(Messages.get(managerOnly ? "signin.pickManager" : "signin.pick"));
            return;
        }
        Staff who = chosen;
        ok.setEnabled(false);
        CompletableFuture.supplyAsync(() -> {
            try {
                return session.ctx().staff().signIn(who.id(), pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }, session.ctx().io()).whenCompleteAsync((r, err) -> result(who, r, err), Ui.EDT);
    }

    private void result(Staff who, StaffDirectory.SignIn r, Throwable err) {
        Ui.assertEdt();
        ok.setEnabled(true);
        if (err != null) {
            message.setText(Ui.describe(err));
        } else if (r instanceof StaffDirectory.SignedIn s) {
            if (managerOnly && s.staff().role() != StaffDirectory.Role.MANAGER) {
                message.setText(Messages.get("signin.notManager"));
            } else {
                message.setText(" ");
                onSuccess.accept(s.staff());
            }
        } else if (r instanceof StaffDirectory.WrongPin w) {
            message.setText(Messages.format("signin.wrongPin", w.attemptsLeft()));
        } else if (r instanceof StaffDirectory.Locked l) {
            message.setText(Messages.format("signin.locked", Math.max(1, (l.secondsLeft() + 59) / 60)));
        } else {
            message.setText(Messages.format("signin.unknown", who.name()));
        }
        pad.field().requestFocusInWindow();
    }

    public void wipe() {
        pad.clear();
    }

    public javax.swing.JComponent focusTarget() {
        return pad.field();
    }
}
