package org.resetdesk.isapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of an ISAPI document, by local name (the namespace is dropped: firmware uses hikvision ver10/ver20,
 * isapi.org, std-cgi and psialliance namespaces for the same elements). Immutable.
 */
public record XmlNode(String name, String namespace, Map<String, String> attributes, String text,
                      List<XmlNode> children) {

    public XmlNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
        text = text == null ? "" : text.trim();
    }

    /** The first direct child with this local name (case-insensitive: firmware varies in case). */
    public Optional<XmlNode> child(String localName) {
        for (XmlNode c : children) {
            if (c.name.equalsIgnoreCase(localName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The trimmed text of the first direct child with this name, or null when absent or empty. */
    public String childText(String localName) {
        return child(localName).map(XmlNode::text).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** The first element with this name, this one included, depth first. */
    public Optional<XmlNode> find(String localName) {
        if (name.equalsIgnoreCase(localName)) {
            return Optional.of(this);
        }
        for (XmlNode c : children) {
            Optional<XmlNode> f = c.find(localName);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The text of the first element with this name anywhere below (or null). */
    public String findText(String localName) {
        return find(localName).map(XmlNode::text).filter(t -> !t.isEmpty()).orElse(null);
    }

    /** Every element with this name, depth first, this one included. */
    public List<XmlNode> all(String localName) {
        List<XmlNode> out = new ArrayList<>();
        collect(localName, out);
        return out;
    }

    private void collect(String localName, List<XmlNode> out) {
        if (name.equalsIgnoreCase(localName)) {
            out.add(this);
        }
        for (XmlNode c : children) {
            c.collect(localName, out);
        }
    }
}
