package org.resetdesk.sadp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes to {@link SadpDocument} and back. Pure and thread-safe.
 *
 * <p>Decoding is lenient: elements are read by local name in any order, CRLF or LF, unknown elements kept but
 * ignored by callers, a document cut off mid-element keeps what came before the cut ({@link SadpDocument#truncated}),
 * and a malformed one is completed by a line-level {@code <Tag>value</Tag>} fallback ({@link SadpDocument#recovery}).
 * Decoding is also safe: a payload over {@link #MAX_PAYLOAD}, one that is not UTF-8 text, one with a document type
 * declaration or entity declaration (DTD, XXE, "billion laughs") is refused with {@link SadpFormatException}, which
 * keeps the raw bytes. The reader is a hand-written linear scanner ({@code XmlScanner}), not a general XML parser:
 * SADP documents are flat, firmware gets them subtly wrong, and a scanner that knows no DTD cannot be talked into
 * expanding or fetching anything. No other exception escapes {@link #decode}; the property test proves it.
 */
public final class SadpCodec {
    public static final int MAX_PAYLOAD = 64 * 1024;
    private static final String[] DECLARATIONS = {"DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST", "NOTATION"};

    private SadpCodec() {}

    public static SadpDocument decode(byte[] payload) throws SadpFormatException {
        if (payload == null || payload.length == 0) {
            throw new SadpFormatException("empty payload", payload);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new SadpFormatException("payload of " + payload.length + " bytes is over the 64 KiB limit", payload);
        }
        try {
            return decodeText(text(payload), payload);
        } catch (SadpFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: the scanner is written not to fail, but a decoder must never crash its caller.
            throw new SadpFormatException("unreadable payload (" + e.getClass().getSimpleName() + ")", payload);
        }
    }

    private static SadpDocument decodeText(String text, byte[] raw) throws SadpFormatException {
        for (int i = text.indexOf("<!"); i >= 0; i = text.indexOf("<!", i + 2)) {
            for (String decl : DECLARATIONS) {
                if (text.regionMatches(true, i + 2, decl, 0, decl.length())) {
                    throw new SadpFormatException("document type declarations are refused (DTD/entity)", raw);
                }
            }
        }
        XmlScanner.Result r = XmlScanner.scan(text);
        if (r.problem() == null && r.root() != null) {
            return new SadpDocument(r.root(), r.fields(), r.rawFields(), r.all(), r.attrs(), r.truncated(), null,
                    true);
        }
        LineFallback.Pairs p = LineFallback.read(text);
        String root = r.root() != null ? r.root() : p.root();
        Map<String, String> fields = new LinkedHashMap<>(r.fields());
        Map<String, String> rawFields = new LinkedHashMap<>(r.rawFields());
        Map<String, java.util.List<String>> all = new LinkedHashMap<>(r.all());
        p.fields().forEach(fields::putIfAbsent);
        p.rawFields().forEach(rawFields::putIfAbsent);
        p.all().forEach(all::putIfAbsent);
        if (root == null || root.equals("?xml")) {
            throw new SadpFormatException("no XML element found", raw);
        }
        fields.remove(root);
        String why = r.problem() != null ? r.problem() : "no root element";
        return new SadpDocument(root, fields, rawFields, all, r.attrs(), r.truncated(), "malformed XML: " + why, true);
    }

    /**
     * Strict UTF-8 (a BOM is skipped). A multi-byte character cut at the very end of the datagram counts as a cut
     * document, not as binary. Control characters other than tab, CR and LF mean binary data.
     */
    private static String text(byte[] payload) throws SadpFormatException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int len = payload.length;
        String s = null;
        for (int cut = 0; cut <= 3 && s == null && len - cut > 0; cut++) {
            try {
                CharBuffer cb = dec.reset().decode(ByteBuffer.wrap(payload, 0, len - cut));
                s = cb.toString();
            } catch (CharacterCodingException e) {
                if (cut == 0 && !endsInPartialUtf8(payload)) {
                    break;
                }
            }
        }
        if (s == null) {
            throw new SadpFormatException("binary data, not an SADP XML document (invalid UTF-8)", payload);
        }
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c == 0x7f || c == '\uFFFE' || c == '\uFFFF') {
                throw new SadpFormatException("binary data, not an SADP XML document (control byte at "
                        + i + ")", payload);
            }
        }
        return s;
    }

    private static boolean endsInPartialUtf8(byte[] b) {
        for (int back = 1; back <= 3 && back <= b.length; back++) {
            int v = b[b.length - back] & 0xff;
            if (v >= 0xc0) {
                return true;
            }
            if (v < 0x80) {
                return false;
            }
        }
        return false;
    }

    /** One element of a request, with an optional attribute ({@code bEncrypt="true"}, {@code bSalt="true"}). */
    public record Element(String name, String text, String attrName, String attrValue) {
        public static Element of(String name, String text) {
            return new Element(name, text, null, null);
        }

        public static Element withAttribute(String name, String text, String attrName, String attrValue) {
            return new Element(name, text, attrName, attrValue);
        }
    }

    /**
     * A request exactly as the vendor's tool writes it: declaration, {@code <Probe>}, Uuid, [MAC], Types, the
     * rest in the given order, no whitespace. An element text that starts with {@code <} is written verbatim (nested
     * elements such as a {@code QuestionList}, or a support reply file that is itself XML, sent unchanged as the SDK
     * does); any other text is escaped.
     */
    public static byte[] probe(String uuid, String mac, String types, List<Element> rest) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>").append(Entities.escape(uuid))
                .append("</Uuid>");
        if (mac != null) {
            sb.append("<MAC>").append(Entities.escape(mac)).append("</MAC>");
        }
        sb.append("<Types>").append(Entities.escape(types)).append("</Types>");
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

    /** Nested elements as one string, for an {@link Element} text (e.g. the Questions of a QuestionList). */
    public static String nested(List<Element> children) {
        StringBuilder sb = new StringBuilder();
        for (Element e : children) {
            appendElement(sb, e);
        }
        return sb.toString();
    }

    private static void appendElement(StringBuilder sb, Element e) {
        sb.append('<').append(e.name());
        if (e.attrName() != null) {
            sb.append(' ').append(e.attrName()).append("=\"").append(Entities.escape(e.attrValue())).append('"');
        }
        sb.append('>');
        if (e.text() != null) {
            sb.append(e.text().startsWith("<") ? e.text() : Entities.escape(e.text()));
        }
        sb.append("</").append(e.name()).append('>');
    }
}
