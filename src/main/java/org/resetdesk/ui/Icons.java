package org.resetdesk.ui;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Color;

/**
 * The kiosk's SVG icons, loaded once from {@code org/resetdesk/ui/icons/}. A missing file fails at class load, not
 * later on a customer's screen. Strokes drawn in {@code #1b2530} follow the theme (white in high contrast).
 */
public final class Icons {
    private static final String ROOT = "org/resetdesk/ui/icons/";
    private static final Color STROKE = new Color(0x1b2530);

    static {
        FlatSVGIcon.ColorFilter.getInstance().add(STROKE, STROKE, Color.WHITE);
    }

    public static final FlatSVGIcon RECORDER = load("recorder");
    public static final FlatSVGIcon CABLE = load("cable");
    public static final FlatSVGIcon POWER = load("power");
    public static final FlatSVGIcon CHECK = load("check");
    public static final FlatSVGIcon CROSS = load("cross");
    public static final FlatSVGIcon WARNING = load("warning");
    public static final FlatSVGIcon LOCK = load("lock");
    public static final FlatSVGIcon USER = load("user");
    public static final FlatSVGIcon KEY = load("key");
    public static final FlatSVGIcon SEARCH = load("search");
    public static final FlatSVGIcon PLUS = load("plus");
    public static final FlatSVGIcon BACK = load("back");
    public static final FlatSVGIcon NEXT = load("next");
    public static final FlatSVGIcon HEARTBEAT = load("heartbeat");
    public static final FlatSVGIcon TRAINER = load("trainer");
    public static final FlatSVGIcon EXIT = load("exit");
    public static final FlatSVGIcon EYE = load("eye");
    public static final FlatSVGIcon EYE_OFF = load("eyeOff");
    public static final FlatSVGIcon BACKSPACE = load("backspace");
    public static final FlatSVGIcon SHIELD = load("shield");
    public static final FlatSVGIcon QR = load("qr");
    public static final FlatSVGIcon CLOCK = load("clock");
    public static final FlatSVGIcon FILE = load("file");
    public static final FlatSVGIcon USB = load("usb");
    public static final FlatSVGIcon REFRESH = load("refresh");
    public static final FlatSVGIcon GLOBE = load("globe");
    public static final FlatSVGIcon CHART = load("chart");
    public static final FlatSVGIcon SETTINGS = load("settings");
    public static final FlatSVGIcon SEND = load("send");
    public static final FlatSVGIcon REPLY = load("reply");
    public static final FlatSVGIcon DONE = load("done");
    public static final FlatSVGIcon INFO = load("info");
    public static final FlatSVGIcon KEYBOARD = load("keyboard");
    public static final FlatSVGIcon STEP_POWER = load("step-power");
    public static final FlatSVGIcon STEP_LAN = load("step-lan");
    public static final FlatSVGIcon STEP_KIOSK = load("step-kiosk");
    public static final FlatSVGIcon ATTRACT = load("attract");

    private Icons() {}

    private static FlatSVGIcon load(String name) {
        // fail fast on a missing file without parsing every SVG at start-up (parsed on first paint)
        if (Icons.class.getClassLoader().getResource(ROOT + name + ".svg") == null) {
            throw new IllegalStateException("icon missing: " + ROOT + name + ".svg");
        }
        return new FlatSVGIcon(ROOT + name + ".svg");
    }

    /** The same icon drawn at {@code size} px (icons are square unless illustrations). */
    public static FlatSVGIcon sized(FlatSVGIcon icon, int size) {
        return icon.derive(size, size);
    }

    /** An icon recoloured to one colour (e.g. white on a coloured banner). */
    public static FlatSVGIcon tinted(FlatSVGIcon icon, int size, Color color) {
        FlatSVGIcon d = icon.derive(size, size);
        d.setColorFilter(new FlatSVGIcon.ColorFilter(c -> color));
        return d;
    }
}
