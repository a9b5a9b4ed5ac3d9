package org.resetdesk.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns validated strings into a {@link KioskConfig}, collecting one message per bad key. */
final class Parser {
    private final Map<String, String> v;
    private final List<String> errors;

    Parser(Map<String, String> values, List<String> errors) {
        this.v = values;
        this.errors = errors;
    }

    KioskConfig build(boolean training, Path source) {
        String iface = v.get("sadp.interface");
        if (!training && iface.isEmpty()) {
            errors.add("sadp.interface: required (the kiosk's dedicated recorder port, e.g. enp2s0)");
        } else if (!iface.isEmpty() && !iface.matches("[A-Za-z0-9_.:-]{1,15}")) {
            errors.add("sadp.interface: '" + iface + "' is not a network interface name");
        }
        if (!training && v.get("db.path").isEmpty()) {
            errors.add("db.path: required");
        }
        if (!training && v.get("data.dir").isEmpty()) {
            errors.add("data.dir: required");
        }
        return new KioskConfig(training, source, v.get("shop.name"), v.get("shop.address"), v.get("shop.country"),
                locale(), iface, v.get("console.port"), integer("console.baud", 300, 4_000_000), path("db.path"),
                path("data.dir"), path("handoff.folder"), v.get("smtp.host"), integer("smtp.port", 1, 65535),
                bool("smtp.starttls"), v.get("smtp.username"), path("smtp.password-file"), email("support.email"),
                email("manager.email"), v.get("printer.name"), oneOf("receipt.width", Set.of("80mm", "a4")),
                integer("retention.days", 1, 36_500), integer("idle.lock-seconds", 30, 86_400), scale(),
                oneOf("ui.theme", Set.of("light", "high-contrast")), integer("sadp.port", 1, 65535),
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v)));
    }

    private Locale locale() {
        String s = v.get("locale");
        if (!Set.of("en", "de").contains(s)) {
            errors.add("locale: '" + s + "' is not supported (en, de)");
            return Locale.ENGLISH;
        }
        return Locale.forLanguageTag(s);
    }

    private int integer(String key, int min, int max) {
        try {
            int n = Integer.parseInt(v.get(key));
            if (n < min || n > max) {
                errors.add(key + ": " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(key + ": '" + v.get(key) + "' is not a whole number");
            return min;
        }
    }

    private boolean bool(String key) {
        String s = v.get(key).toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            errors.add(key + ": '" + v.get(key) + "' must be true or false");
        }
        return s.equals("true");
    }

    private Path path(String key) {
        String s = v.get(key);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            errors.add(key + ": '" + s + "' is not a valid path");
            return null;
        }
    }

    private String email(String key) {
        String s = v.get(key);
        if (!s.isEmpty() && !s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(key + ": '" + s + "' is not an e-mail address");
        }
        return s;
    }

    private String oneOf(String key, Set<String> allowed) {
        String s = v.get(key);
        if (!allowed.contains(s)) {
            errors.add(key + ": '" + s + "' must be one of " + allowed);
        }
        return s;
    }

    private double scale() {
        try {
            double d = Double.parseDouble(v.get("ui.font-scale"));
            if (d < 0.75 || d > 2.5) {
                errors.add("ui.font-scale: " + d + " is outside 0.75..2.5");
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add("ui.font-scale: '" + v.get("ui.font-scale") + "' is not a number");
            return 1.0;
        }
    }
}
