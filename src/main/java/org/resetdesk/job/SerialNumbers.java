package org.resetdesk.job;

import java.util.Locale;
import java.util.Optional;

/**
 * Serial numbers as printed on labels and reported by devices: model, channels, date, grades, region, a
 * 9-character serial and feature letters (recorder-console-and-isapi.md A7). Staff type them, so compare them
 * normalised (case, spaces) and say which part differs.
 */
public final class SerialNumbers {
    private SerialNumbers() {}

    public static String normalise(String serial) {
        return serial == null ? "" : serial.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The serial as request files are named after it: normalised, anything but letters, digits, . _ - as _. */
    public static String fileSafe(String serial) {
        return normalise(serial).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The 9-character serial support names its files after, when the layout is recognisable. */
    public static Optional<String> shortSerial(String serial) {
        var m = java.util.regex.Pattern.compile("(\\d{8})[A-Z]{2,4}([A-Z0-9]{9})([A-Z]{4})?$")
                .matcher(normalise(serial));
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** Empty when they match; otherwise a plain sentence saying which part differs. */
    public static Optional<String> mismatch(String label, String reported) {
        String a = normalise(label);
        String b = normalise(reported);
        if (a.equals(b)) {
            return Optional.empty();
        }
        if (a.isEmpty()) {
            return Optional.of("no label serial was entered");
        }
        if (b.isEmpty()) {
            return Optional.of("the recorder did not report a serial");
        }
        Optional<String> sa = shortSerial(a);
        Optional<String> sb = shortSerial(b);
        if (sa.isPresent() && sb.isPresent() && !sa.equals(sb)) {
            return Optional.of("the 9-character serial differs: label " + sa.get() + ", recorder " + sb.get());
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        String part = sa.isPresent() && sb.isPresent() ? partAt(b, i) : "character " + (i + 1);
        return Optional.of("the " + part + " differs: label " + a + ", recorder " + b);
    }

    private static String partAt(String serial, int index) {
        var m = java.util.regex.Pattern.compile("(\\d{8})[A-Z]{2,4}[A-Z0-9]{9}([A-Z]{4})?$").matcher(serial);
        if (!m.find()) {
            return "character " + (index + 1);
        }
        if (index < m.start(1)) {
            return "model";
        }
        if (index < m.end(1)) {
            return "production date";
        }
        if (m.group(2) != null && index >= m.start(2)) {
            return "feature suffix";
        }
        return "grade/region part";
    }
}
