package org.resetdesk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.resetdesk.config.KioskConfig;

/**
 * The kiosk's configuration as the UI needs it. {@code idleLockSeconds}, {@code fontScale}, {@code highContrast}
 * and {@code locale} are safe to change at the counter (manager screen); the rest come from the site config.
 *
 * @param handoffFolder where exported requests are written and reply files are looked for
 * @param replyRoots further folders to offer reply files from (mounted USB sticks)
 * @param display index of the screen device to go full screen on (0 = default)
 */
public record KioskSettings(
        String shopName,
        int idleLockSeconds,
        float fontScale,
        boolean highContrast,
        Locale locale,
        Path handoffFolder,
        List<Path> replyRoots,
        int display,
        String supportChannel) {

    public static final int IDLE_WARNING_SECONDS = 20;

    public KioskSettings {
        replyRoots = replyRoots == null ? List.of() : List.copyOf(replyRoots);
        if (idleLockSeconds < IDLE_WARNING_SECONDS + 10) {
            throw new IllegalArgumentException("idle.lock-seconds must be at least " + (IDLE_WARNING_SECONDS + 10));
        }
        if (fontScale < 0.75f || fontScale > 2.5f) {
            throw new IllegalArgumentException("font scale must be between 0.75 and 2.5");
        }
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    /**
     * The UI's settings from the site configuration. Reply files are also looked for on mounted USB sticks
     * ({@code usbRoots}, e.g. the subfolders of {@code /media/kiosk}); the hand-off folder defaults to
     * {@code <data dir>/handoff}.
     */
    public static KioskSettings from(KioskConfig c, List<Path> usbRoots) {
        Path handoff = c.handoffFolder() != null ? c.handoffFolder()
                : c.dataDir() != null ? c.dataDir().resolve("handoff") : null;
        return new KioskSettings(c.shopName(), c.idleLockSeconds(), (float) c.fontScale(),
                "high-contrast".equals(c.theme()), c.locale(), handoff, usbRoots, 0, "email");
    }

    public static KioskSettings defaults(String shopName, Path handoffFolder) {
        return new KioskSettings(shopName, 300, 1f, false, Locale.ENGLISH, handoffFolder, List.of(), 0,
                "email");
    }

    public KioskSettings withIdleLockSeconds(int s) {
        return new KioskSettings(shopName, s, fontScale, highContrast, locale, handoffFolder, replyRoots, display,
                supportChannel);
    }

    public KioskSettings withFontScale(float f) {
        return new KioskSettings(shopName, idleLockSeconds, f, highContrast, locale, handoffFolder, replyRoots, display,
                supportChannel);
    }

    public KioskSettings withHighContrast(boolean h) {
        return new KioskSettings(shopName, idleLockSeconds, fontScale, h, locale, handoffFolder, replyRoots, display,
                supportChannel);
    }

    public KioskSettings withLocale(Locale l) {
        return new KioskSettings(shopName, idleLockSeconds, fontScale, highContrast, l, handoffFolder, replyRoots,
                display, supportChannel);
    }
}
