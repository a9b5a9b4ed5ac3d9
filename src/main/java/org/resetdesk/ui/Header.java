package org.resetdesk.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;

/** The bar at the top: shop, clock, who is signed in, and the station buttons (board, manager, lock, leave). */
final class Header extends JPanel {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private final Session session;
    private final JLabel staff = new JLabel();
    private final JLabel clock = new JLabel();
    private final Timer clockTimer = new Timer(15_000, e -> tickClock());
    private final JButton board = Ui.button("header.board", "header.board", "header");
    private final JButton manager = Ui.button("header.manager", "header.manager", "header");
    private final JButton trainer = Ui.button("header.trainer", "header.trainer", "header");
    private final JButton lock = Ui.button("header.lock", "header.lock", "header");
    private final JButton keyboard = Ui.button("header.keyboard", "header.keyboard", "header");
    private final JButton leave = Ui.button("header.leave", "header.leave", "header");

    Header(Session session, Runnable toggleTrainer, Runnable toggleKeyboard) {
        super(new MigLayout("insets 8 20 8 12, gap 10", "[][grow][][][][][][][][]", "[48!]"));
        this.session = session;
        setName("header");
        Ui.style(this, "header");
        JLabel shop = new JLabel(session.settings().shopName(), Icons.sized(Icons.SHIELD, 28), JLabel.LEFT);
        shop.setName("header.shop");
        shop.setIconTextGap(10);
        Ui.style(shop, "h3");
        staff.setName("header.staff");
        staff.setIcon(Icons.sized(Icons.USER, 20));
        Ui.style(staff, "muted");
        clock.setName("header.clock");
        Ui.style(clock, "h3");
        board.setIcon(Icons.sized(Icons.BACK, 20));
        manager.setIcon(Icons.sized(Icons.SETTINGS, 20));
        trainer.setIcon(Icons.sized(Icons.TRAINER, 20));
        lock.setIcon(Icons.sized(Icons.LOCK, 20));
        leave.setIcon(Icons.sized(Icons.EXIT, 20));
        board.addActionListener(e -> session.show("board"));
        manager.addActionListener(e -> {
            if (session.isManager()) {
                session.show("manager");
            } else {
                session.requireManager("manager.pinTitle", () -> session.show("manager"));
            }
        });
        trainer.addActionListener(e -> toggleTrainer.run());
        keyboard.setIcon(Icons.sized(Icons.KEYBOARD, 20));
        keyboard.setFocusable(false);
        for (JButton b : new JButton[] {keyboard, lock}) {
            b.setToolTipText(b.getText());
            b.getAccessibleContext().setAccessibleName(b.getText());
            b.setText(null);
        }
        keyboard.addActionListener(e -> toggleKeyboard.run());
        lock.addActionListener(e -> session.signOut());
        leave.addActionListener(e -> session.requireManager("exit.pinTitle", () -> session.leave(0)));
        trainer.setVisible(session.ctx().training());
        if (session.settings().fontScale() > 1.05f) {
            // large text: the station buttons show only their icons (the text stays as tooltip and accessible name)
            for (JButton b : new JButton[] {board, manager, trainer, leave}) {
                b.setToolTipText(b.getText());
                b.getAccessibleContext().setAccessibleName(b.getText());
                b.setText(null);
            }
        }
        add(shop);
        add(clock, "center");
        add(staff);
        for (JButton b : new JButton[] {board, keyboard, trainer, manager, lock, leave}) {
            add(b, "h 48!, wmin 56");
        }
        tickClock();
        clockTimer.start();
        staffChanged();
    }

    private void tickClock() {
        clock.setText(HM.format(session.ctx().clock().instant().atZone(ZoneId.systemDefault())));
    }

    /** Stops the clock (the header is being replaced or the kiosk left). */
    void dispose() {
        clockTimer.stop();
    }

    void staffChanged() {
        boolean in = session.staff() != null;
        staff.setText(in ? session.staff().name() : Messages.get("header.nobody"));
        lock.setVisible(in);
        keyboard.setVisible(in);
        manager.setVisible(in);
        trainer.setVisible(in && session.ctx().training());
        revalidate();
    }

    void screenChanged(String id) {
        board.setVisible(session.staff() != null && !id.equals("board") && !id.equals("signin"));
        tickClock();
    }
}
