package org.resetdesk.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Graphics;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobListener;

/**
 * The one window: full screen, undecorated, never closed by the window manager. A header, the TRAINING banner and
 * trainer panel on training stations, and the screens in a card layout; overlays go to the glass pane. Leaving
 * needs a manager PIN ({@link Session#requireManager}).
 */
public final class KioskFrame extends JFrame {
    private final Session session;
    private final Runnable firstPaint;
    private final IntConsumer onLeave;
    private final Overlay overlay = new Overlay();
    private final Map<String, KioskScreen> screens = new LinkedHashMap<>();
    private final IdleMonitor idle;
    private final JobListener jobListener;
    private CardLayout cards;
    private JPanel cardPanel;
    private Header header;
    private TrainerPanel trainer;
    private KeyboardDock dock;
    private String current;
    private boolean painted;

    KioskFrame(Session session, Runnable firstPaint, IntConsumer onLeave) {
        super(session.settings().shopName());
        this.session = session;
        this.firstPaint = firstPaint;
        this.onLeave = onLeave;
        setName("kiosk");
        setUndecorated(true);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                // Alt+F4 or the window manager: ignored; leaving needs a manager PIN
            }
        });
        session.attach(this);
        setGlassPane(overlay);
        buildContent();
        idle = new IdleMonitor(() -> System.nanoTime() / 1_000_000L, () -> session.settings().idleLockSeconds(),
                new IdleWarning.Driver(session, overlay));
        jobListener = (job, events) -> javax.swing.SwingUtilities.invokeLater(() -> jobChanged(job));
        session.jobs().addListener(jobListener);
    }

    private void buildContent() {
        JPanel root = new JPanel(new BorderLayout()) {
            @Override
            public void paint(Graphics g) {
                super.paint(g);
                if (!painted) {
                    painted = true;
                    javax.swing.SwingUtilities.invokeLater(firstPaint);
                }
            }
        };
        JPanel top = new JPanel(new BorderLayout());
        if (session.ctx().training()) {
            JLabel banner = Ui.label("training.banner", "trainingBanner");
            banner.setName("trainingBanner");
            banner.setOpaque(true);
            banner.setHorizontalAlignment(SwingConstants.CENTER);
            banner.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 16, 8, 16));
            top.add(banner, BorderLayout.NORTH);
        }
        header = new Header(session, this::toggleTrainer, this::toggleKeyboard);
        top.add(header, BorderLayout.CENTER);
        root.add(top, BorderLayout.NORTH);
        cards = new CardLayout();
        cardPanel = new JPanel(cards);
        screens.clear();
        root.add(cardPanel, BorderLayout.CENTER);
        dock = new KeyboardDock();
        dock.setVisible(false);
        root.add(dock, BorderLayout.SOUTH);
        if (session.ctx().training()) {
            trainer = new TrainerPanel(session);
            trainer.setVisible(false);
            root.add(trainer, BorderLayout.EAST);
        }
        setContentPane(root);
    }

    /** Shows the frame full screen on the configured display. */
    void showFullScreen() {
        GraphicsDevice[] devices = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        GraphicsDevice dev = devices[Math.min(Math.max(0, session.settings().display()), devices.length - 1)];
        setBounds(dev.getDefaultConfiguration().getBounds());
        if (dev.isFullScreenSupported()) {
            dev.setFullScreenWindow(this);
        } else {
            setVisible(true);
        }
        setAlwaysOnTop(true);
        idle.start();
        show("attract");
    }

    void show(String id) {
        Ui.assertEdt();
        KioskScreen next = screen(id);
        KioskScreen prev = current == null ? null : screens.get(current);
        if (prev != null && prev != next) {
            prev.onHide();
        }
        current = id;
        header.setVisible(!id.equals("attract"));
        if (dock != null && (id.equals("attract") || id.equals("password") || id.equals("import"))) {
            dock.setVisible(false);
        }
        header.screenChanged(id);
        next.onShow();
        cards.show(cardPanel, id);
        idle.state(session.staff() != null, id.equals("attract"));
        JComponent focus = next.firstFocus();
        if (focus != null && focus.isEnabled() && focus.isVisible()) {
            focus.requestFocusInWindow();
        } else {
            next.view().requestFocusInWindow();
        }
    }

    public String current() {
        return current;
    }

    /** The screen with this id, built and added to the cards on first use. */
    public KioskScreen screen(String id) {
        KioskScreen s = screens.get(id);
        if (s == null) {
            var factory = Screens.factories().get(id);
            if (factory == null) {
                throw new IllegalArgumentException("no screen " + id);
            }
            s = factory.apply(session);
            s.view().setName(id);
            screens.put(id, s);
            cardPanel.add(s.view(), id);
        }
        return s;
    }

    Overlay overlay() {
        return overlay;
    }

    void staffChanged() {
        header.staffChanged();
        if (trainer != null && session.staff() == null) {
            trainer.setVisible(false);
        }
    }

    private void toggleKeyboard() {
        dock.setVisible(!dock.isVisible());
        getContentPane().revalidate();
    }

    private void toggleTrainer() {
        if (trainer != null) {
            trainer.setVisible(!trainer.isVisible());
            trainer.refresh();
            getContentPane().revalidate();
        }
    }

    private void jobChanged(Job job) {
        Ui.assertEdt();
        if (session.job() != null && session.job().id().equals(job.id())) {
            session.job(job);
        }
        for (KioskScreen s : java.util.List.copyOf(screens.values())) {
            s.jobChanged(job);
        }
        if (trainer != null) {
            trainer.refresh();
        }
    }

    /** Rebuilds after a settings change: the look (theme, font scale) and/or the language. */
    void rebuild(boolean look) {
        Ui.assertEdt();
        if (look) {
            Theme.apply(session.settings().highContrast(), session.settings().fontScale());
        }
        String keep = current;
        if (keep != null && screens.get(keep) != null) {
            screens.get(keep).onHide();
        }
        boolean trainerShown = trainer != null && trainer.isVisible();
        dock.detach();
        header.dispose();
        current = null;
        buildContent();
        if (trainer != null) {
            trainer.setVisible(trainerShown);
        }
        header.staffChanged();
        javax.swing.SwingUtilities.updateComponentTreeUI(this);
        show(keep == null ? "attract" : keep);
        revalidate();
    }

    void leave(int code) {
        Ui.assertEdt();
        dock.detach();
        header.dispose();
        idle.stop();
        session.jobs().removeListener(jobListener);
        for (KioskScreen s : java.util.List.copyOf(screens.values())) {
            s.onHide();
        }
        GraphicsDevice dev = getGraphicsConfiguration().getDevice();
        if (dev.getFullScreenWindow() == this) {
            dev.setFullScreenWindow(null);
        }
        dispose();
        onLeave.accept(code);
    }

    Session session() {
        return session;
    }

    IdleMonitor idleMonitor() {
        return idle;
    }
}
