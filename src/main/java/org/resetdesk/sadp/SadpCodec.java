package org.resetdesk.sadp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to {@link SadpDocument} and back. Pure and thread-safe. Decoding is lenient (any order, CRLF, unknown
 * elements, cut-off documents) and safe (no DTD, no entities beyond the five XML ones, 64 KiB cap, binary refused).
 */
public final class SadpCodec {
    public static final int MAX_PAYLOAD = 64 * 1024;
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z_][\\w.:-]*)((?:\\s+[^<>]*?)?)(/?)>");
    private static final Pattern ATTR = Pattern.compile("([A-Za-z_][\\w.:-]*)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    private SadpCodec() {}

    public static SadpDocument decode(byte[] payload) throws SadpFormatException {
        if (payload == null || payload.length == 0) {
            throw new SadpFormatException("empty payload", payload);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new SadpFormatException("payload of " + payload.length + " bytes is over the 64 KiB limit", payload);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        if (looksBinary(text)) {
            throw new SadpFormatException("binary data, not an SADP XML document", payload);
        }
        if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY") || text.contains("<!doctype")) {
            throw new SadpFormatException("document type declarations are refused", payload);
        }
        return scan(text, payload);
    }

    private static boolean looksBinary(String text) {
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\uFFFD' || c < 0x20 && c != '\r' && c != '\n' && c != '\t') {
                bad++;
            }
        }
        return bad > 0;
    }

    private static SadpDocument scan(String text, byte[] raw) throws SadpFormatException {
        String root = null;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<String>> all = new LinkedHashMap<>();
        Map<String, Map<String, String>> attrs = new LinkedHashMap<>();
        Deque<String> open = new ArrayDeque<>();
        int textStart = -1;
        String leaf = null;
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            String name = localName(m.group(2));
            boolean closing = !m.group(1).isEmpty();
            boolean selfClosing = !m.group(4).isEmpty();
            if (!closing) {
                if (root == null) {
                    root = name;
                } else if (!attrs.containsKey(name) && !m.group(3).isBlank()) {
                    attrs.put(name, attributes(m.group(3)));
                }
                if (selfClosing) {
                    continue;
                }
                open.push(name);
                leaf = name;
                textStart = m.end();
            } else {
                if (name.equals(leaf) && textStart >= 0) {
                    String value = unescape(text.substring(textStart, m.start()).trim());
                    fields.putIfAbsent(name, value);
                    all.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
                leaf = null;
                textStart = -1;
                while (!open.isEmpty()) {
                    if (open.pop().equals(name)) {
                        break;
                    }
                }
            }
        }
        if (root == null) {
            throw new SadpFormatException("no XML element found", raw);
        }
        boolean truncated = !open.isEmpty();
        return new SadpDocument(root, fields, all, attrs, truncated);
    }

    private static String localName(String qname) {
        int colon = qname.indexOf(':');
        return colon >= 0 ? qname.substring(colon + 1) : qname;
    }

    private static Map<String, String> attributes(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTR.matcher(s);
        while (a.find()) {
            out.put(localName(a.group(1)), unescape(a.group(3) != null ? a.group(3) : a.group(4)));
        }
        return out;
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** One element of a request, with an optional attribute ({@code bEncrypt="true"}, {@code bSalt="true"}). */
    public record Element(String name, String text, String attrName, String attrValue) {
        public static Element of(String name, String text) {
            return new Element(name, text, null, null);
        }
    }

    /**
     * A request exactly as the vendor's tool writes it: declaration, {@code <Probe>}, Uuid, [MAC], Types, the
     * rest in the given order, no whitespace.
     */
    public static byte[] probe(String uuid, String mac, String types, List<Element> rest) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>").append(uuid).append("</Uuid>");
        if (mac != null) {
            sb.append("<MAC>").append(escape(mac)).append("</MAC>");
        }
        sb.append("<Types>").append(types).append("</Types>");
        for (Element e : rest) {
            appendElement(sb, e);
        }
        sb.append("</Probe>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A device-side document ({@code ProbeMatch} or {@code Hello}) with CRLF after each element, as firmware writes. */
    public static byte[] deviceDocument(String root, List<Element> elements) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<").append(root).append(">");
        for (Element e : elements) {
            appendElement(sb, e);
            sb.append("\r\n");
        }
        sb.append("</").append(root).append(">\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendElement(StringBuilder sb, Element e) {
        sb.append('<').append(e.name());
        if (e.attrName() != null) {
            sb.append(' ').append(e.attrName()).append("=\"").append(escape(e.attrValue())).append('"');
        }
        sb.append('>');
        if (e.text() != null) {
            sb.append(e.text().startsWith("<") ? e.text() : escape(e.text()));
        }
        sb.append("</").append(e.name()).append('>');
    }
}
