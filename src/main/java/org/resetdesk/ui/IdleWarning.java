package org.resetdesk.ui;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;

/** The "are you still there?" card: a countdown and one big button; any touch keeps the session. */
final class IdleWarning extends OverlayCard {
    private final JLabel countdown = new JLabel();

    IdleWarning(Runnable stay) {
        super(new MigLayout("insets 40, wrap 1, gap 20", "[560!, center]"));
        setName("idleWarning");
        JLabel title = Ui.label("idle.title", "h1");
        title.setIcon(Icons.sized(Icons.CLOCK, 40));
        title.setIconTextGap(14);
        countdown.setName("idleWarning.countdown");
        Ui.style(countdown, "lead");
        JButton here = Ui.button("idleWarning.stay", "idle.stay", "kioskPrimary");
        here.addActionListener(e -> stay.run());
        add(title);
        add(countdown);
        add(here, "h 72!, w 360!");
    }

    void seconds(int s) {
        countdown.setText(Messages.format("idle.countdown", s));
    }

    /** Connects the idle monitor to the overlay and the session. */
    static final class Driver implements IdleMonitor.Listener {
        private final Session session;
        private final Overlay overlay;
        private IdleWarning card;

        Driver(Session session, Overlay overlay) {
            this.session = session;
            this.overlay = overlay;
        }

        @Override
        public void warn(int secondsLeft) {
            if (card == null || !overlay.showing(IdleWarning.class)) {
                card = new IdleWarning(this::stillHere);
                overlay.open(card);
            }
            card.seconds(secondsLeft);
        }

        @Override
        public void stillHere() {
            if (overlay.showing(IdleWarning.class)) {
                overlay.close();
            }
            card = null;
        }

        @Override
        public void lock() {
            overlay.close();
            card = null;
            session.signOut();
        }

        @Override
        public void attract() {
            overlay.close();
            session.show("attract");
        }
    }
}
