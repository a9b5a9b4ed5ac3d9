package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Component;
import java.awt.Container;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remaining screens and station behaviours: colours, idle lock, keyboard-only, language, contrast, touch size. */
@Tag("gui")
class ScreensTest {
    @TempDir
    Path dir;

    @Test
    void boardCardTurnsAmberUnderSixHoursAndRedUnderOneHour() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, true)) {
            KioskFlowTest.toWaiting(k, false);
            k.click("header.board");
            k.waitForScreen("board");
            String id = k.station.repo.openJobs().get(0).id();
            k.waitUntil(() -> "ok".equals(style(k, "card." + id + ".time")));
            k.shot("03-board-job");
            k.station.clock.jump(Duration.ofHours(43));
            k.waitUntil(() -> "warn".equals(style(k, "card." + id + ".time")));
            assertThat(k.labelText("card." + id + ".time")).startsWith("4 h");
            k.shot("16-board-under-6h");
            k.station.clock.jump(Duration.ofMinutes(270));
            k.waitUntil(() -> "bad".equals(style(k, "card." + id + ".time")));
            assertThat(k.labelText("card." + id + ".time")).startsWith("0 h");
            k.shot("17-board-under-1h");
        }
    }

    @Test
    void idleWarningCountsDownThenLocksToTheAttractScreen() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.signIn("ann", "1234");
            k.waitForScreen("board");
            AtomicLong now = new AtomicLong(1_000_000);
            IdleMonitor idle = k.onEdt(() -> {
                IdleMonitor m = new IdleMonitor(now::get, () -> 300,
                        new IdleWarning.Driver(k.frame.session(), k.frame.overlay()));
                m.state(true, false);
                return m;
            });
            now.addAndGet(279_000);
            k.onEdt(() -> {
                idle.tick();
                return null;
            });
            assertThat(k.frame.getGlassPane().isVisible()).isFalse();
            now.addAndGet(6_000);
            k.onEdt(() -> {
                idle.tick();
                return null;
            });
            assertThat(k.labelText("idleWarning.countdown")).contains("15 seconds");
            k.shot("18-idle-warning");
            now.addAndGet(15_000);
            k.onEdt(() -> {
                idle.tick();
                return null;
            });
            k.waitForScreen("attract");
            assertThat(k.onEdt(() -> k.frame.session().staff())).isNull();
            assertThat(k.frame.getGlassPane().isVisible()).isFalse();
        }
    }

    @Test
    void signInAndStartAJobWithTheKeyboardAlone() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.waitForScreen("attract");
            k.window.robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
            k.waitForScreen("signin");
            k.waitUntil(() -> "signin.staff.ann".equals(focusName(k)));
            k.window.robot().pressAndReleaseKey(KeyEvent.VK_SPACE);
            k.waitUntil(() -> "signin.pin.field".equals(focusName(k)));
            k.window.robot().enterText("1234");
            // a key lost by Xvfb under load is typed again (the PIN field is focused; only its length is visible)
            for (int tries = 0; tries < 3 && pinLength(k) < 4; tries++) {
                k.window.robot().enterText("1234".substring(pinLength(k)));
            }
            assertThat(pinLength(k)).isEqualTo(4);
            k.window.robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
            k.waitForScreen("board");
            for (int i = 0; i < 20 && !"board.newJob".equals(focusName(k)); i++) {
                k.window.robot().pressAndReleaseKey(KeyEvent.VK_TAB);
            }
            assertThat(focusName(k)).isEqualTo("board.newJob");
            k.window.robot().pressAndReleaseKey(KeyEvent.VK_ENTER);
            k.waitForScreen("customer");
            assertThat(focusName(k)).isEqualTo("customer.name");
        }
    }

    @Test
    void everyVisibleButtonIsAtLeast48PxAndScreensRenderInGermanAndHighContrast() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.waitForScreen("attract");
            k.window.robot().click(k.frame.getContentPane());
            k.waitForScreen("signin");
            k.pickAndTypePin("signin", "max", "98");
            k.shot("02-signin");
            k.click("signin.ok");
            k.waitUntil(() -> k.labelText("signin.message").contains("Wrong PIN"));
            k.pickAndTypePin("signin", "max", "9876");
            k.click("signin.ok");
            k.waitForScreen("board");
            for (String screen : List.of("board", "customer", "connect", "manager")) {
                k.onEdt(() -> {
                    k.frame.show(screen);
                    return null;
                });
                k.window.robot().waitForIdle();
                assertThat(small(k.frame.getContentPane())).as("buttons under 48 px on " + screen).isEmpty();
            }
            k.shot("19-manager");
            k.toggle("manager.tab.settings");
            k.shot("19-manager-settings");
            k.toggle("manager.language.1");
            k.waitUntil(() -> k.labelText("manager.title").equals("Leitung"));
            k.click("header.board");
            k.waitForScreen("board");
            assertThat(k.labelText("board.title")).isEqualTo("Auftragsübersicht");
            k.shot("20-board-german");
            for (String screen : List.of("customer", "import", "password")) {
                k.onEdt(() -> {
                    k.frame.show(screen);
                    return null;
                });
                k.window.robot().waitForIdle();
                assertThat(small(k.frame.getContentPane())).as("buttons under 48 px on " + screen).isEmpty();
                k.shot("20-" + screen + "-german");
            }
            k.onEdt(() -> {
                k.frame.show("board");
                return null;
            });
            k.click("header.manager");
            k.waitForScreen("manager");
            k.toggle("manager.contrast.1");
            k.waitUntil(() -> Theme.isHighContrast());
            k.toggle("manager.font.130");
            k.window.robot().waitForIdle();
            k.shot("21-manager-high-contrast-130");
            assertThat(small(k.frame.getContentPane())).isEmpty();
            k.toggle("manager.font.100");
            k.toggle("manager.contrast.0");
            k.toggle("manager.language.0");
            k.waitUntil(() -> k.labelText("manager.title").equals("Manager") && !Theme.isHighContrast());
        }
    }

    @Test
    void theDockedKeyboardTypesIntoTheFocusedStaffField() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.signIn("ann", "1234");
            k.waitForScreen("board");
            k.click("board.newJob");
            k.waitForScreen("customer");
            k.click("header.keyboard");
            k.waitUntil(() -> k.showing("keyboardDock"));
            k.window.textBox("customer.contact").click();
            k.toggle("dock.kb.shift");
            k.click("dock.kb.key.j");
            k.click("dock.kb.key.o");
            k.window.toggleButton("dock.kb.shift").requireNotSelected();
            assertThat(k.window.textBox("customer.contact").text()).isEqualTo("Jo");
            assertThat(k.window.textBox("customer.name").text()).isEmpty();
            k.shot("04b-customer-keyboard");
            assertThat(k.showing("customer.next")).as("the footer stays on screen").isTrue();
            k.click("header.keyboard");
            k.waitUntil(() -> !k.showing("keyboardDock"));
        }
    }

    @Test
    void repeatedWrongPinsLockTheStaffAccount() throws Exception {
        try (KioskDriver k = new KioskDriver(dir, Locale.ENGLISH, false)) {
            k.waitForScreen("attract");
            k.window.robot().click(k.frame.getContentPane());
            k.waitForScreen("signin");
            for (int i = 1; i <= 3; i++) {
                k.pickAndTypePin("signin", "ann", "000" + i);
                k.click("signin.ok");
                int left = 3 - i;
                k.waitUntil(() -> k.labelText("signin.message").contains(left > 0 ? left + " tries left" : "locked"));
            }
            k.pickAndTypePin("signin", "ann", "1234");
            k.click("signin.ok");
            k.waitUntil(() -> k.labelText("signin.message").contains("locked"));
            k.shot("02b-signin-locked");
            assertThat(k.screen()).isEqualTo("signin");
            assertThat(k.onEdt(() -> k.frame.session().staff())).isNull();
        }
    }

    private static String style(KioskDriver k, String name) {
        return k.onEdt(() -> (String) ((JComponent) Ui.find(k.frame.getRootPane(), name))
                .getClientProperty(FlatClientProperties.STYLE_CLASS));
    }

    private static String focusName(KioskDriver k) {
        return k.onEdt(() -> {
            Component c = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return c == null ? null : c.getName();
        });
    }

    /** Showing buttons smaller than 48×48 (touch target), by name. */
    private static List<String> small(Container root) {
        List<String> out = new ArrayList<>();
        for (Component c : root.getComponents()) {
            boolean part = c.getParent() instanceof javax.swing.JComboBox || c.getParent() instanceof javax.swing.JScrollBar;
            if (c instanceof AbstractButton b && !part && b.isShowing() && (b.getHeight() < 48 || b.getWidth() < 48)) {
                out.add(b.getName() + " " + b.getWidth() + "x" + b.getHeight());
            }
            if (c instanceof Container k) {
                out.addAll(small(k));
            }
        }
        return out;
    }

    private static int pinLength(KioskDriver k) {
        return k.onEdt(() -> ((javax.swing.JPasswordField) Ui.find(k.frame.getRootPane(), "signin.pin.field"))
                .getPassword().length);
    }
}
