package org.resetdesk.sadp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One SADP XML document reduced to what matters: the root element's local name, the text of each (first-level or
 * nested, first occurrence) element by local name in document order, element attributes, and whether the document
 * was cut off. Repeated elements (QuestionList/Question/ID…) keep every value in {@link #all}. Immutable.
 *
 * <p>{@link #get} values are stripped of surrounding whitespace; {@link #rawText} keeps an element's text exactly as
 * sent (entities decoded), for values that must be stored byte for byte (an exported {@code EncryptString}).
 * {@link #recovery} is null for a clean document, else why the line-level fallback had to help.
 */
public final class SadpDocument {
    private final String root;
    private final Map<String, String> fields;
    private final Map<String, String> rawFields;
    private final Map<String, List<String>> all;
    private final Map<String, Map<String, String>> attributes;
    private final boolean truncated;
    private final String recovery;

    public SadpDocument(String root, Map<String, String> fields, Map<String, List<String>> all,
                        Map<String, Map<String, String>> attributes, boolean truncated) {
        this(root, fields, fields, all, attributes, truncated, null);
    }

    public SadpDocument(String root, Map<String, String> fields, Map<String, String> rawFields,
                        Map<String, List<String>> all, Map<String, Map<String, String>> attributes,
                        boolean truncated, String recovery) {
        this(root, new LinkedHashMap<>(fields), new LinkedHashMap<>(rawFields), new LinkedHashMap<>(all),
                new LinkedHashMap<>(attributes), truncated, recovery, true);
    }

    /** For the codec: takes ownership of freshly built maps instead of copying them. */
    SadpDocument(String root, Map<String, String> fields, Map<String, String> rawFields,
                 Map<String, List<String>> all, Map<String, Map<String, String>> attributes, boolean truncated,
                 String recovery, boolean owned) {
        this.root = root;
        this.fields = Collections.unmodifiableMap(fields);
        this.rawFields = Collections.unmodifiableMap(rawFields);
        this.all = Collections.unmodifiableMap(all);
        this.attributes = Collections.unmodifiableMap(attributes);
        this.truncated = truncated;
        this.recovery = recovery;
    }

    public String root() {
        return root;
    }

    /** Text of the first element with this local name (exact case first, then case-insensitive); null if absent. */
    public String get(String name) {
        return lookup(fields, name);
    }

    /** Like {@link #get} but unstripped: the element's text as the device sent it. */
    public String rawText(String name) {
        return lookup(rawFields, name);
    }

    private static String lookup(Map<String, String> map, String name) {
        String v = map.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : map.entrySet()) {
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
            case "false", "flase", "fasle", "0", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Integer value; null when absent or not a number. */
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
        List<String> l = all.get(name);
        return l == null ? List.of() : Collections.unmodifiableList(l);
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

    /** Null for a well-formed document; otherwise a one-line reason the line-level fallback was used. */
    public String recovery() {
        return recovery;
    }

    public String types() {
        return get("Types");
    }

    @Override
    public String toString() {
        return "SadpDocument[" + root + ", " + fields.size() + " fields" + (truncated ? ", truncated" : "") + "]";
    }
}
