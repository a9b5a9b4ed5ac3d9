package org.resetdesk.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetdesk.job.Macs;

/**
 * Recognises the boot-log lines of Hikvision-type recorders (U-Boot banner, autoboot gate, HKVS prompt, TFTP upgrade
 * path, halts) and turns each into a typed {@link ConsoleEvent}. Pure and thread-safe; never throws on any input.
 *
 * <p>Noise up to a glitch character (a power-on glitch decoded as U+FFFD) and stray spaces are ignored before the
 * anchored patterns are tried, so a banner preceded by garbage bytes still counts. Lines longer than {@link LineFramer#DEFAULT_MAX_LINE}
 * are looked at only up to that length.
 */
public final class BootLogParser {
    private static final String IP = "(\\d{1,3}(?:\\.\\d{1,3}){3})";

    private record Rule(ConsoleEventType type, Pattern pattern, List<String> groups) {
        boolean anchored() {
            String p = pattern.pattern();
            return p.startsWith("^") || p.startsWith("(?i)^");
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(ConsoleEventType.HALT, "LZMA data is corrupt|unexpected EOF|CRAMFS LOAD ERROR|-- System halted"),
            rule(ConsoleEventType.CPU_RESET, "^Resetting CPU|undefined instruction"),
            rule(ConsoleEventType.BOOT_BANNER,
                    "^U-Boot (?:SPL )?(\\d{4}\\.\\d{2}(?:-svn\\d+|-[0-9A-Za-z.+_]+)?|\\d+\\.\\d+\\.\\d+(?:-svn\\d+|-\\d+)?)"
                            + " \\(([A-Z][a-z]{2} +\\d{1,2} \\d{4} - \\d{2}:\\d{2}:\\d{2})\\)",
                    "version", "date"),
            rule(ConsoleEventType.AUTOBOOT_GATE, "(?i)^Hit (?:ctrl\\+u|any key) to stop autoboot:\\s*\\d"),
            rule(ConsoleEventType.HKVS_PROMPT, "^HKVS [#$]\\s?(.*)$", "command"),
            rule(ConsoleEventType.UPGRADE_MENU, "Now press \\[u/U\\] key to upgrade software"),
            rule(ConsoleEventType.FS_ERROR, "File system error, please upgrade by TFTP"),
            rule(ConsoleEventType.TFTP_START, "TFTP from server " + IP + "; our IP address is " + IP,
                    "serverIp", "deviceIp"),
            rule(ConsoleEventType.MAC, "^MAC:\\s*([0-9A-Fa-f]{2}(?:[-:][0-9A-Fa-f]{2}){5})\\b", "mac"),
            rule(ConsoleEventType.TFTP_FILE, "(?:Download )?Filename '([^']+)'", "file"),
            rule(ConsoleEventType.TFTP_BYTES, "Bytes transferred = (\\d+)(?: \\(([0-9a-f]+) hex\\))?", "bytes", "hex"),
            rule(ConsoleEventType.TFTP_FAIL, "(Retry count exceeded|TFTP error: '([^']*)')", "reason"),
            rule(ConsoleEventType.BOARD_INFO, "The board info: language - (0x[0-9A-Fa-f]+) device_class - "
                    + "(0x[0-9A-Fa-f]+) oemCode - (0x[0-9A-Fa-f]+)", "language", "deviceClass", "oemCode"),
            rule(ConsoleEventType.PACKAGE_MISMATCH, "upgrade packet mismatch"),
            rule(ConsoleEventType.PACKAGE_OK, "cramfs\\.img checkSum ok"),
            rule(ConsoleEventType.UPGRADE_DONE, "Update successfully !|Upgrade success!"),
            rule(ConsoleEventType.KERNEL_START, "^Starting kernel \\.\\.\\."),
            rule(ConsoleEventType.RSA_OK, "Verifying RSA \\.\\.\\. OK"),
            rule(ConsoleEventType.BOOTARGS, "console=(ttyS\\d),(\\d+)n8", "tty", "baud"));

    private static Rule rule(ConsoleEventType type, String regex, String... groups) {
        return new Rule(type, Pattern.compile(regex), List.of(groups));
    }

    /** The event this line is, or empty when it matches no known pattern. */
    public Optional<ConsoleEvent> parse(String line) {
        if (line == null || line.isEmpty()) {
            return Optional.empty();
        }
        String text = line.length() > LineFramer.DEFAULT_MAX_LINE ? line.substring(0, LineFramer.DEFAULT_MAX_LINE) : line;
        String tail = afterNoise(text);
        for (Rule rule : RULES) {
            String subject = rule.anchored() ? tail : text;
            Matcher m = rule.pattern().matcher(subject);
            if (m.find()) {
                return Optional.of(new ConsoleEvent(rule.type(), line, fields(rule, m, subject)));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> fields(Rule rule, Matcher m, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < rule.groups().size(); i++) {
            String value = m.group(i + 1);
            if (value != null) {
                out.put(rule.groups().get(i), value);
            }
        }
        switch (rule.type()) {
            case MAC -> out.put("mac", Macs.normalise(out.get("mac")));
            case HALT -> out.put("reason", m.group().replaceFirst("^-- ", ""));
            case CPU_RESET -> out.put("reason", m.group().startsWith("Resetting") ? "Resetting CPU" : m.group());
            case TFTP_FAIL -> out.put("reason", m.group(2) != null ? m.group(2) : m.group(1));
            case AUTOBOOT_GATE -> out.put("countdown", lastNumber(text));
            case HKVS_PROMPT -> out.put("command", out.getOrDefault("command", "").strip());
            default -> { }
        }
        return out;
    }

    /**
     * What anchored patterns look at: the text after the last character that is not printable ASCII, then without
     * leading spaces. A power-on glitch decodes to U+FFFD or a control character just before the banner; this lets
     * {@code \uFFFDU-Boot 2010.06 (...)} count, while printable text before "U-Boot" still does not.
     */
    private static String afterNoise(String text) {
        int start = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                start = i + 1;
                break;
            }
        }
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        return text.substring(start);
    }

    /** The countdown U-Boot printed last ({@code "1  0"} after its backspaces were lost gives 0). */
    private static String lastNumber(String text) {
        int end = text.length();
        while (end > 0 && !isAsciiDigit(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isAsciiDigit(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
