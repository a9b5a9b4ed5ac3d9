package org.resetdesk.support;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Size and shape checks a reply must pass before it is accepted: not empty, at most {@code maxBytes}, UTF-8 text
 * without NUL or control characters, and one of the shapes support sends — a well-formed XML document (no DOCTYPE,
 * not an HTML page), an 8-character key, or an opaque encoded string (base64/hex alphabet, as the request files
 * are). Pure and thread-safe.
 */
public final class ReplyCheck {
    /** The default limit: replies are a few hundred bytes; 64 KiB leaves room and stops a wrong file early. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{8}");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_\\-]{16,}");

    public enum Shape { XML, KEY, ENCODED }

    /** The reply's shape, or why it was refused. */
    public record Verdict(Shape shape, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final int maxBytes;

    public ReplyCheck(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public Verdict check(byte[] bytes) {
        if (bytes.length == 0) {
            return refuse("the file is empty");
        }
        if (bytes.length > maxBytes) {
            return refuse("the file is larger than " + maxBytes + " bytes; a reply is a few hundred bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return refuse("the file is not text (not valid UTF-8)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return refuse("the file contains binary data (control character 0x"
                        + Integer.toHexString(c) + " at " + i + ")");
            }
        }
        String t = text.strip();
        if (KEY.matcher(t).matches()) {
            return new Verdict(Shape.KEY, null);
        }
        if (t.startsWith("<")) {
            return xml(t);
        }
        if (OPAQUE.matcher(t).matches()) {
            return new Verdict(Shape.ENCODED, null);
        }
        return refuse("the file is neither XML, an 8-character key nor an encoded reply");
    }

    private static Verdict xml(String t) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document d = builder.parse(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)));
            String root = Optional.ofNullable(d.getDocumentElement().getLocalName())
                    .orElse(d.getDocumentElement().getNodeName()).toLowerCase(Locale.ROOT);
            if (root.equals("html")) {
                return refuse("the file is a web page, not a reply");
            }
            return new Verdict(Shape.XML, null);
        } catch (Exception e) {
            return refuse("the file looks like XML but is not well-formed (" + String.valueOf(e.getMessage())
                    .replaceAll("\\s+", " ") + ")");
        }
    }

    private static Verdict refuse(String why) {
        return new Verdict(null, why);
    }
}
