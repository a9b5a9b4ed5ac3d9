package org.resetdesk.sadp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SADP XML document reduced to what matters: the root element's local name, the text of each (first-level or
 * nested, first occurrence) element by local name in document order, element attributes, and whether the document
 * was cut off. Repeated elements (QuestionList/Question/ID…) keep every value in {@link #all}.
 */
public final class SadpDocument {
    private final String root;
    private final Map<String, String> fields;
    private final Map<String, List<String>> all;
    private final Map<String, Map<String, String>> attributes;
    private final boolean truncated;

    public SadpDocument(String root, Map<String, String> fields, Map<String, List<String>> all,
                        Map<String, Map<String, String>> attributes, boolean truncated) {
        this.root = root;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.truncated = truncated;
    }

    public String root() {
        return root;
    }

    /** Text of the first element with this local name (exact case first, then case-insensitive); null if absent. */
    public String get(String name) {
        String v = fields.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Lenient boolean: true / false / flase (firmware typo) / 1 / 0; null when absent or unreadable. */
    public Boolean bool(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "flase", "0", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    public Integer integer(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<String> all(String name) {
        return all.getOrDefault(name, List.of());
    }

    public Map<String, String> attributes(String name) {
        return attributes.getOrDefault(name, Map.of());
    }

    public Map<String, String> fields() {
        return fields;
    }

    public boolean truncated() {
        return truncated;
    }

    public String types() {
        return get("Types");
    }
}
