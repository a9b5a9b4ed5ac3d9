package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.resetdesk.ui.testkit.TestStation;

/**
 * Drives a real kiosk window under Xvfb with AssertJ Swing: launch, click by component name, wait for screens,
 * take screenshots. Records off-EDT Swing access with {@link EdtCheck}; {@link #close()} fails on any.
 */
final class KioskDriver implements AutoCloseable {
    static final Path SHOTS = Path.of("target", "screenshots");
    final TestStation station;
    final KioskApp.Handle handle;
    final KioskFrame frame;
    final FrameFixture window;
    final EdtCheck edt;
    final java.util.List<String> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AutoCloseable parts;

    KioskDriver(Path dir, Locale locale, boolean watchdog) throws Exception {
        this(new TestStation(dir, locale), watchdog);
    }

    private KioskDriver(TestStation s, boolean watchdog) throws Exception {
        this(s, s.ctx, s, watchdog);
    }

    /** A test station whose context carries these services (stubs or real ones). */
    static KioskDriver with(TestStation s, KioskServices services, boolean watchdog) throws Exception {
        return new KioskDriver(s, s.ctx.with(services), s, watchdog);
    }

    /** A kiosk over any composed context (e.g. the real composition); {@code parts} is closed with the driver. */
    KioskDriver(KioskContext ctx, AutoCloseable parts) throws Exception {
        this(null, ctx, parts, false);
    }

    private KioskDriver(TestStation s, KioskContext ctx, AutoCloseable parts, boolean watchdog) throws Exception {
        edt = GuiActionRunner.execute(EdtCheck::install);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(t.getName() + ": " + e + " at "
                + java.util.Arrays.stream(e.getStackTrace()).limit(12).map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(" < "))));
        station = s;
        this.parts = parts;
        if (watchdog) {
            station.startWatchdog();
        }
        handle = KioskApp.launch(ctx);
        frame = handle.frame().get(20, TimeUnit.SECONDS);
        handle.ready().get(20, TimeUnit.SECONDS);
        BasicRobot robot = (BasicRobot) BasicRobot.robotWithCurrentAwtHierarchyWithoutScreenLock();
        robot.settings().delayBetweenEvents(40);
        robot.settings().eventPostingDelay(60);
        window = new FrameFixture(robot, frame);
    }

    /** The current screen id, read on the EDT. */
    String screen() {
        return GuiActionRunner.execute(frame::current);
    }

    void waitForScreen(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(screen()));
        window.robot().waitForIdle();
    }

    /** Waits until the named button is showing and enabled, clicks it, and lets the EDT settle. */
    void click(String name) {
        waitUntil(() -> showing(name) && onEdt(() -> Ui.find(frame.getRootPane(), name).isEnabled()));
        var b = window.button(name);
        press(b.target(), b::click);
    }

    /** Clicks a toggle button or check box (a JToggleButton) by name. */
    void toggle(String name) {
        waitUntil(() -> showing(name));
        var b = window.toggleButton(name);
        press(b.target(), b::click);
    }

    /**
     * Clicks with the robot, then makes sure the button's action ran exactly once: Xvfb without a window manager
     * loses a click now and then under load, and then the button is pressed programmatically. The tests are about
     * the kiosk's behaviour, not the robot's delivery.
     */
    private void press(javax.swing.AbstractButton b, Runnable robotClick) {
        java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
        java.awt.event.ActionListener l = e -> fired.countDown();
        onEdt(() -> {
            b.addActionListener(l);
            return null;
        });
        try {
            try {
                robotClick.run();
            } catch (org.assertj.swing.exception.ActionFailedException e) {
                // focus or position could not be reached in time: the fallback below presses it
            }
            window.robot().waitForIdle();
            if (!fired.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                onEdt(() -> {
                    if (fired.getCount() > 0 && b.isShowing() && b.isEnabled()) {
                        System.err.println("KioskDriver: the robot's click on " + b.getName()
                                + " was lost; pressed programmatically");
                        b.doClick(0);
                    }
                    return null;
                });
                window.robot().waitForIdle();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            onEdt(() -> {
                b.removeActionListener(l);
                return null;
            });
        }
    }

    String labelText(String name) {
        return GuiActionRunner.execute(() -> {
            Component c = Ui.find(frame.getRootPane(), name);
            assertThat(c).as("component " + name).isInstanceOf(JLabel.class);
            return ((JLabel) c).getText();
        });
    }

    /** Whether the named component exists and is showing (never throws, for waiting). */
    boolean showing(String name) {
        return onEdt(() -> {
            Component c = Ui.find(frame.getRootPane(), name);
            return c != null && c.isShowing();
        });
    }

    <T> T onEdt(Callable<T> c) {
        return GuiActionRunner.execute(c);
    }

    /**
     * Types into a field until it holds exactly {@code text}: on a loaded machine a focus change can time out or a
     * key event can be lost, and the tests are about the kiosk, not the robot.
     */
    public void type(String name, String text) {
        try {
            window.textBox(name).enterText(text);
        } catch (org.assertj.swing.exception.ActionFailedException e) {
            // the robot could not give the field focus in time; the fallback below sets the text
        }
        if (!text.equals(window.textBox(name).text())) {
            javax.swing.text.JTextComponent field = window.textBox(name).target();
            onEdt(() -> {
                field.setText(text);
                return null;
            });
        }
    }

    void waitUntil(Callable<Boolean> c) {
        await().atMost(Duration.ofSeconds(10)).until(c);
    }

    /** From the attract screen through the PIN pad to the board. */
    void signIn(String staffId, String pin) {
        waitForScreen("attract");
        window.robot().click(frame.getContentPane());
        try {
            await().atMost(Duration.ofSeconds(3)).until(() -> "signin".equals(screen()));
        } catch (org.awaitility.core.ConditionTimeoutException lost) {
            if ("attract".equals(screen())) { // the click was lost: any touch leaves the attract screen
                window.robot().click(frame.getContentPane());
            }
        }
        waitForScreen("signin");
        pickAndTypePin("signin", staffId, pin);
        click("signin.ok");
    }

    void pickAndTypePin(String prefix, String staffId, String pin) {
        var staff = window.toggleButton(new GenericTypeMatcher<>(javax.swing.JToggleButton.class) {
            @Override
            protected boolean isMatching(javax.swing.JToggleButton b) {
                return (prefix + ".staff." + staffId).equals(b.getName()) && b.isShowing();
            }
        });
        press(staff.target(), staff::click);
        for (char c : pin.toCharArray()) {
            click(prefix + ".pin." + c);
        }
    }

    /** A PNG of the whole screen (1280×800 under the CI's Xvfb) to target/screenshots. */
    Path shot(String name) {
        window.robot().waitForIdle();
        try {
            Files.createDirectories(SHOTS);
            Rectangle r = onEdt(() -> frame.getBounds());
            BufferedImage img = new Robot().createScreenCapture(r);
            Path p = SHOTS.resolve(name + ".png");
            ImageIO.write(img, "png", new File(p.toString()));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (!handle.exit().isDone()) {
                SwingUtilities.invokeAndWait(() -> frame.leave(0));
            }
            window.cleanUp();
        } finally {
            parts.close();
        }
        assertThat(edt.violations()).as("Swing touched off the event thread").isEmpty();
        assertThat(uncaught).as("uncaught exceptions (e.g. on the EDT)").isEmpty();
    }
}
