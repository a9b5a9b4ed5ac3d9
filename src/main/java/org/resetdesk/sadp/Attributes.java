package org.resetdesk.sadp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code name="value"} / {@code name='value'} pairs from the inside of a start tag, forgivingly. Linear. */
final class Attributes {
    private Attributes() {}

    static Map<String, String> parse(String inside) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = inside.length();
        while (i < n) {
            while (i < n && !XmlScanner.isNameStart(inside.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && XmlScanner.isNameChar(inside.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String name = XmlScanner.localName(inside.substring(start, i));
            while (i < n && Character.isWhitespace(inside.charAt(i))) {
                i++;
            }
            if (i >= n || inside.charAt(i) != '=') {
                continue;
            }
            i++;
            while (i < n && Character.isWhitespace(inside.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char q = inside.charAt(i);
            if (q != '"' && q != '\'') {
                continue;
            }
            int close = inside.indexOf(q, i + 1);
            if (close < 0) {
                break;
            }
            out.putIfAbsent(name, Entities.decode(inside.substring(i + 1, close)));
            i = close + 1;
        }
        return out;
    }
}
