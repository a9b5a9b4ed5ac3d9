package org.resetdesk.job;

import java.util.Locale;

/** MAC address spelling: devices send lower-case hex with dashes ({@code c0-56-e3-fe-42-92}). */
public final class Macs {
    private Macs() {}

    /** Lower-case, dash-separated; accepts colons, dashes or none. Throws on anything that is not 6 hex bytes. */
    public static String normalise(String mac) {
        String hex = mac.replaceAll("[-:.\\s]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{12}")) {
            throw new IllegalArgumentException("not a MAC address: " + mac);
        }
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append('-');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}
