package org.resetdesk.sadp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forgiving, single-pass XML element scanner for SADP datagrams. It is not an XML parser: it reads start tags, end
 * tags, attributes and text, skips the declaration, processing instructions and comments, reads CDATA, and decodes
 * only the five predefined entities and numeric character references. It never looks at a DTD (the codec refuses
 * documents with one before they get here), so there is nothing to expand and nothing to fetch.
 *
 * <p>Every loop advances the cursor by at least one character, so the scan is linear in the input length and cannot
 * hang. Structural problems (a stray {@code <}, a tag that does not close, an end tag that matches nothing) do not stop
 * the scan; they are reported through {@link Result#problem} and the codec then adds a line-level fallback.
 */
final class XmlScanner {
    private final String s;
    private int pos;
    private String root;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> rawFields = new LinkedHashMap<>();
    private final Map<String, List<String>> all = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> attrs = new LinkedHashMap<>();
    private final List<String> open = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean leafOpen;
    private boolean cut;
    private String problem;

    record Result(String root, Map<String, String> fields, Map<String, String> rawFields,
                  Map<String, List<String>> all, Map<String, Map<String, String>> attrs, boolean truncated,
                  String problem) {}

    private XmlScanner(String s) {
        this.s = s;
    }

    static Result scan(String s) {
        XmlScanner x = new XmlScanner(s);
        x.run();
        boolean truncated = x.cut || x.root != null && !x.open.isEmpty();
        return new Result(x.root, x.fields, x.rawFields, x.all, x.attrs, truncated, x.problem);
    }

    private void run() {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (c != '<') {
                int lt = s.indexOf('<', pos);
                int end = lt < 0 ? n : lt;
                if (leafOpen) {
                    int amp = s.indexOf('&', pos);
                    if (amp < 0 || amp >= end) {
                        text.append(s, pos, end);
                    } else {
                        text.append(Entities.decode(s.substring(pos, end)));
                    }
                } else if (problem == null && root != null && !open.isEmpty() && !blank(pos, end)) {
                    problem = "text between elements at offset " + pos;
                }
                pos = end;
                continue;
            }
            if (s.startsWith("<?", pos)) {
                skipPast("?>");
            } else if (s.startsWith("<!--", pos)) {
                skipPast("-->");
            } else if (s.startsWith("<![CDATA[", pos)) {
                int end = s.indexOf("]]>", pos + 9);
                if (end < 0) {
                    cut = true;
                    pos = n;
                } else {
                    if (leafOpen) {
                        text.append(s, pos + 9, end);
                    }
                    pos = end + 3;
                }
            } else if (pos + 1 < n && s.charAt(pos + 1) == '/') {
                endTag();
            } else if (pos + 1 < n && isNameStart(s.charAt(pos + 1))) {
                startTag();
            } else if (pos + 1 >= n) {
                cut = true;
                pos = n;
            } else {
                note("stray '<' at offset " + pos);
                pos++;
            }
        }
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void skipPast(String terminator) {
        int end = s.indexOf(terminator, pos + 2);
        if (end < 0) {
            cut = true;
            pos = s.length();
        } else {
            pos = end + terminator.length();
        }
    }

    private void startTag() {
        int nameStart = pos + 1;
        int i = nameStart;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        String name = localName(s.substring(nameStart, i));
        int gt = tagEnd(i);
        if (gt < 0) {
            return;
        }
        String inside = s.substring(i, gt);
        boolean selfClosing = inside.endsWith("/");
        if (!inside.isEmpty() && !Character.isWhitespace(inside.charAt(0)) && !selfClosing) {
            note("bad start tag <" + name + inside + "> at offset " + pos);
        }
        if (root == null) {
            root = name;
        } else {
            Map<String, String> a = Attributes.parse(selfClosing ? inside.substring(0, inside.length() - 1) : inside);
            if (!a.isEmpty()) {
                attrs.putIfAbsent(name, a);
            }
        }
        pos = gt + 1;
        if (selfClosing) {
            if (root != null && !name.equals(root)) {
                record(name, "");
            }
            return;
        }
        open.add(name);
        leafOpen = true;
        text.setLength(0);
    }

    private void endTag() {
        int nameStart = pos + 2;
        int i = nameStart;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        String name = localName(s.substring(nameStart, i));
        int gt = tagEnd(i);
        if (gt < 0) {
            return;
        }
        if (!s.substring(i, gt).isBlank()) {
            note("bad end tag </" + name + "> at offset " + pos);
        }
        pos = gt + 1;
        int idx = open.lastIndexOf(name);
        if (idx < 0) {
            note("end tag </" + name + "> matches no open element");
            leafOpen = false;
            return;
        }
        if (idx != open.size() - 1) {
            note("element <" + open.get(open.size() - 1) + "> closed by </" + name + ">");
        } else if (leafOpen) {
            record(name, text.toString());
        }
        leafOpen = false;
        while (open.size() > idx) {
            open.remove(open.size() - 1);
        }
    }

    /** Index of the {@code >} that ends the tag whose name ended at {@code from}; -1 (and cursor moved) if none. */
    private int tagEnd(int from) {
        int quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '<' || c == '\n') {
                    break;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                note("tag not closed before offset " + i);
                pos = i;
                return -1;
            }
        }
        int next = s.indexOf('<', from);
        if (next < 0) {
            cut = true;
            pos = s.length();
        } else {
            note("unterminated tag at offset " + pos);
            pos = next;
        }
        return -1;
    }

    private void record(String name, String raw) {
        String value = lineEnds(raw).strip();
        fields.putIfAbsent(name, value);
        rawFields.putIfAbsent(name, raw);
        all.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** XML line-end normalisation (CRLF and lone CR become LF) for the stripped value; raw text keeps them. */
    static String lineEnds(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private void note(String what) {
        if (problem == null) {
            problem = what;
        }
    }

    static String localName(String qname) {
        int colon = qname.lastIndexOf(':');
        return colon >= 0 && colon < qname.length() - 1 ? qname.substring(colon + 1) : qname;
    }

    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }
}
