package org.resetdesk.support;

import java.util.Locale;
import java.util.Optional;

/** Receipt paper: an 80 mm thermal roll (page as long as the text) or an A4 sheet. Sizes in PDF points. */
public enum PaperWidth {
    ROLL_80MM(80 / 25.4f * 72, 4 / 25.4f * 72, 8.5f),
    A4(210 / 25.4f * 72, 18 / 25.4f * 72, 11f);

    public static final float A4_HEIGHT = 297 / 25.4f * 72;

    private final float width;
    private final float margin;
    private final float fontSize;

    PaperWidth(float width, float margin, float fontSize) {
        this.width = width;
        this.margin = margin;
        this.fontSize = fontSize;
    }

    public float width() {
        return width;
    }

    public float margin() {
        return margin;
    }

    public float fontSize() {
        return fontSize;
    }

    public boolean isRoll() {
        return this == ROLL_80MM;
    }

    /** {@code 80mm} or {@code a4}, case-insensitive. */
    public static Optional<PaperWidth> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "80mm", "80" -> Optional.of(ROLL_80MM);
            case "a4" -> Optional.of(A4);
            default -> Optional.empty();
        };
    }
}
