package org.resetdesk.sadp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last-resort reading of a document the scanner found malformed: every {@code <Tag>value</Tag>} on a line, where both
 * tags are intact and the value holds no markup. Some firmware sends such documents (sadp-protocol.md §1.3, the
 * ethodump-ng {@code parseMalformedXML} fallback). The pattern has no nested quantifiers and each line is at most the
 * payload cap, so matching stays linear.
 */
final class LineFallback {
    private static final Pattern PAIR = Pattern.compile("<([A-Za-z_][\\w.:-]{0,127})(\\s[^<>]{0,256})?>([^<]*)</\\1\\s*>");
    private static final Pattern FIRST_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]{0,127})[\\s/>]");

    private LineFallback() {}

    record Pairs(String root, Map<String, String> fields, Map<String, String> rawFields,
                 Map<String, List<String>> all) {}

    static Pairs read(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, List<String>> all = new LinkedHashMap<>();
        String root = null;
        for (String line : text.split("\r\n|\r|\n")) {
            Matcher m = PAIR.matcher(line);
            int firstPair = -1;
            while (m.find()) {
                if (firstPair < 0) {
                    firstPair = m.start();
                }
                String name = XmlScanner.localName(m.group(1));
                String value = Entities.decode(m.group(3));
                fields.putIfAbsent(name, XmlScanner.lineEnds(value).strip());
                raw.putIfAbsent(name, value);
                all.computeIfAbsent(name, k -> new ArrayList<>()).add(XmlScanner.lineEnds(value).strip());
            }
            if (root == null) {
                Matcher r = FIRST_TAG.matcher(firstPair < 0 ? line : line.substring(0, firstPair));
                if (r.find()) {
                    root = XmlScanner.localName(r.group(1));
                }
            }
        }
        return new Pairs(root, fields, raw, all);
    }
}
