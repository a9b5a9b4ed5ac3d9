package org.resetdesk.job;

import java.util.List;

/**
 * Why the domain says no: a message key the UI shows through its bundle, plus the arguments for it, and a plain
 * English text for the CLI and the log.
 */
public record Refusal(String key, String text, List<Object> args) {
    public Refusal {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Refusal of(String key, String text, Object... args) {
        return new Refusal(key, text, List.of(args));
    }
}
