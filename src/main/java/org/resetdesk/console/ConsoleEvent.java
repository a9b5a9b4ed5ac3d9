package org.resetdesk.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recognised boot-log line: its type, the line as framed, and the values the pattern captured (names as in
 * {@link ConsoleEventType}; values as printed, except {@code mac}, which is normalised).
 */
public record ConsoleEvent(ConsoleEventType type, String line, Map<String, String> fields) {

    public ConsoleEvent {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field(String name) {
        return fields.get(name);
    }

    public ConsoleEventType.Evidence evidence() {
        return type.evidence();
    }
}
