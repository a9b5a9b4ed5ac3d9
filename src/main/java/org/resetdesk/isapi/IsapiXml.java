package org.resetdesk.isapi;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses ISAPI response bodies into {@link XmlNode} trees by local name. Pure and thread-safe. Safe against hostile
 * bodies: no DTD (a document type declaration is refused outright), no external entities, at most
 * {@link #MAX_BODY} bytes, {@link #MAX_DEPTH} levels and {@link #MAX_ELEMENTS} elements.
 */
public final class IsapiXml {
    public static final int MAX_BODY = 256 * 1024;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_ELEMENTS = 20_000;
    private static final XMLInputFactory FACTORY = createFactory();

    private IsapiXml() {}

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    public static XmlNode parse(byte[] body) throws IsapiFormatException {
        if (body == null || body.length == 0) {
            throw new IsapiFormatException("empty body");
        }
        if (body.length > MAX_BODY) {
            throw new IsapiFormatException("body of " + body.length + " bytes is over the " + MAX_BODY + " byte limit");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            return read(r);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IsapiFormatException("not well-formed XML: " + oneLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static XmlNode read(XMLStreamReader r) throws XMLStreamException, IsapiFormatException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD -> throw new IsapiFormatException("document type declarations are refused");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new IsapiFormatException("entity reference &" + r.getLocalName() + "; is refused");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > MAX_ELEMENTS) {
                        throw new IsapiFormatException("more than " + MAX_ELEMENTS + " elements");
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new IsapiFormatException("nested deeper than " + MAX_DEPTH + " levels");
                    }
                    Builder b = new Builder(r.getLocalName(), r.getNamespaceURI());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        b.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    open.push(b);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Builder b = open.pop();
                    XmlNode node = new XmlNode(b.name, b.namespace, b.attributes,
                            b.children.isEmpty() ? b.text.toString() : b.text.toString().trim(), b.children);
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().children.add(node);
                    }
                }
                default -> {
                    // comments, processing instructions: ignored
                }
            }
        }
        if (root == null) {
            throw new IsapiFormatException("no root element");
        }
        return root;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static final class Builder {
        final String name;
        final String namespace;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name, String namespace) {
            this.name = name;
            this.namespace = namespace == null ? "" : namespace;
        }
    }
}
