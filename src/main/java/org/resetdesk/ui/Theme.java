package org.resetdesk.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.fonts.inter.FlatInterFont;
import java.awt.Color;
import java.awt.Font;
import javax.swing.UIDefaults;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

/**
 * Look and feel: FlatLaf light (or the high-contrast variant on FlatDark), Inter at a kiosk-sized base font times
 * the font scale. Style classes live in {@code ui/theme/*.properties}, not in code.
 */
public final class Theme {
    /** Base font size in px at scale 1.0: larger than desktop, readable at arm's length. */
    public static final int BASE_FONT_PX = 16;
    private static boolean fontInstalled;

    private Theme() {}

    /** Sets up the look and feel; call on the EDT before building windows, and again after a setting changes. */
    public static void apply(boolean highContrast, float fontScale) {
        Ui.assertEdt();
        if (!fontInstalled) {
            FlatInterFont.install();
            FlatLaf.registerCustomDefaultsSource("org.resetdesk.ui.theme");
            fontInstalled = true;
        }
        if (highContrast) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        // keyboard-only operation: Enter presses the focused button as Space does
        for (String k : new String[] {"Button.focusInputMap", "ToggleButton.focusInputMap", "CheckBox.focusInputMap"}) {
            UIManager.put(k, new UIDefaults.LazyInputMap(new Object[] {"SPACE", "pressed", "released SPACE", "released",
                "ENTER", "pressed", "released ENTER", "released"}));
        }
        UIManager.put("defaultFont", new FontUIResource(FlatInterFont.FAMILY, Font.PLAIN,
                Math.round(BASE_FONT_PX * fontScale)));
        FlatLaf.updateUI();
    }

    public static boolean isHighContrast() {
        return UIManager.getLookAndFeel() instanceof FlatDarkLaf;
    }

    /** A kiosk colour from the theme ({@code Kiosk.<name>} in {@code FlatLaf.properties}), e.g. {@code bad}. */
    public static Color color(String name) {
        Color c = UIManager.getColor("Kiosk." + name);
        if (c == null) {
            throw new IllegalStateException("theme colour Kiosk." + name + " is not defined");
        }
        return c;
    }
}
