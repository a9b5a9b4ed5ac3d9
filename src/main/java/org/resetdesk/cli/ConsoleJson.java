package org.resetdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.resetdesk.console.ConsoleEvent;

/** JSON Lines for the console commands: one object per event, keys {@code type, line}, then the event's fields. */
final class ConsoleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConsoleJson() {}

    static String event(ConsoleEvent event, Instant at, Long lineNo) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (at != null) {
            m.put("at", at.toString());
        }
        if (lineNo != null) {
            m.put("lineNo", lineNo);
        }
        m.put("type", event.type().name());
        m.put("evidence", event.evidence().name().toLowerCase(Locale.ROOT));
        m.put("line", event.line());
        event.fields().forEach((k, v) -> m.put(k, k.equals("bytes") ? number(v) : v));
        return write(m);
    }

    /** A byte count as a JSON number; as the text printed when it does not fit a long. */
    private static Object number(String digits) {
        try {
            return Long.valueOf(digits);
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    static String of(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return write(m);
    }

    private static String write(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
