package org.resetdesk.isapi;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.CloudStatus;
import org.resetdesk.job.RecorderApi.DeviceClock;
import org.resetdesk.job.RecorderApi.Disk;

/** ISAPI elements to the port's records. Pure and lenient: a missing or odd field becomes null (or 0 for sizes). */
final class IsapiRecords {
    /** POSIX-inverted zone: {@code CST-8:00:00} is UTC+8 (recorder-console-and-isapi.md B2). */
    private static final Pattern POSIX_TZ = Pattern.compile("^[A-Za-z]{3,}([+-]?)(\\d{1,2})(?::(\\d{2}))?");

    private IsapiRecords() {}

    static DeviceClock clock(String localTime, String mode, String zone) {
        return new DeviceClock(localTime, parseTime(localTime, zone), mode, zone);
    }

    static OffsetDateTime parseTime(String text, String zone) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            // no offset in the text: use the POSIX zone
        }
        try {
            LocalDateTime local = LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t);
            return local.atOffset(t.endsWith("Z") ? ZoneOffset.UTC : posixOffset(zone));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ZoneOffset posixOffset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        Matcher m = POSIX_TZ.matcher(zone.trim());
        if (!m.find()) {
            return ZoneOffset.UTC;
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int seconds = hours * 3600 + minutes * 60;
        boolean west = "+".equals(m.group(1)) || m.group(1).isEmpty();
        try {
            return ZoneOffset.ofTotalSeconds(west ? -seconds : seconds);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static Disk disk(XmlNode hdd) {
        return new Disk(hdd.childText("id"), hdd.childText("hddName"), hdd.childText("hddType"),
                hdd.childText("status"), mib(hdd.childText("capacity")), mib(hdd.childText("freeSpace")),
                hdd.childText("property"));
    }

    private static long mib(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Per-track LoopEnable (edge-storage firmware): on only when every track that says it is on. */
    static Boolean tracksLoop(XmlNode tracks) {
        List<XmlNode> flags = tracks.all("LoopEnable");
        if (flags.isEmpty()) {
            return null;
        }
        return flags.stream().allMatch(f -> f.text().equalsIgnoreCase("true"));
    }

    static CloudStatus cloud(XmlNode ezviz, boolean unbindSupported) {
        String bind = ezviz.findText("bindStatus");
        Binding b = bind == null ? Binding.UNKNOWN : switch (bind.toLowerCase(Locale.ROOT)) {
            case "bind", "bound", "true" -> Binding.BOUND;
            case "unbind", "unbound", "false" -> Binding.UNBOUND;
            default -> Binding.UNKNOWN;
        };
        return new CloudStatus(IsapiClient.bool(ezviz.findText("enabled")),
                IsapiClient.bool(ezviz.findText("registerStatus")), b, unbindSupported);
    }
}
