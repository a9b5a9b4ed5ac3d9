package org.resetdesk.recorder.isapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.resetdesk.recorder.isapi.IsapiDeviceState.Disk;

/** The virtual recorder's ISAPI documents, in the namespace of its dialect. Pure. */
final class IsapiResponses {
    private final IsapiDialect dialect;
    private final IsapiDialect errorDialect;

    IsapiResponses(IsapiDialect dialect, IsapiDialect errorDialect) {
        this.dialect = dialect;
        this.errorDialect = errorDialect;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String el(String name, Object value) {
        return "<" + name + ">" + esc(String.valueOf(value)) + "</" + name + ">";
    }

    String status(String url, int code, String text, String sub) {
        return errorDialect.document("ResponseStatus", el("requestURL", url) + el("statusCode", code)
                + el("statusString", text) + el("subStatusCode", sub));
    }

    String userCheckOk() {
        return dialect.document("userCheck", el("statusValue", 200) + el("statusString", "OK")
                + el("isDefaultPassword", false) + el("isRiskPassword", false) + el("isActivated", true));
    }

    /** The 401 body real firmware sends: lock state, seconds until unlock and tries left. */
    String userCheckDenied(boolean locked, long unlockSeconds, int retriesLeft) {
        return dialect.document("userCheck", el("statusValue", 401) + el("statusString", "Unauthorized")
                + el("isActivated", true) + el("lockStatus", locked ? "lock" : "unlock")
                + el("unlockTime", locked ? unlockSeconds : 0) + el("retryLoginTime", locked ? 0 : retriesLeft));
    }

    String deviceInfo(IsapiDeviceState s) {
        return dialect.document("DeviceInfo", el("deviceName", s.deviceName())
                + el("deviceID", "484a3831-3130-0000-0000-000c0000f00e") + el("model", s.model())
                + el("serialNumber", s.serial()) + el("macAddress", s.mac()) + el("firmwareVersion", s.firmware())
                + el("firmwareReleasedDate", s.firmwareBuild()) + el("deviceType", "NVR"));
    }

    String time(IsapiDeviceState s) {
        java.time.ZoneOffset offset = posixOffset(s.timeZone());
        String local = s.clock().truncatedTo(ChronoUnit.SECONDS).atOffset(offset)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return dialect.document("Time", el("timeMode", "manual") + el("localTime", local) + el("timeZone", s.timeZone()));
    }

    static ZoneOffset posixOffset(String zone) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[A-Za-z]+([+-]?)(\\d{1,2})(?::(\\d{2}))?")
                .matcher(zone == null ? "" : zone);
        if (!m.find()) {
            return ZoneOffset.UTC;
        }
        int secs = Integer.parseInt(m.group(2)) * 3600 + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60);
        return ZoneOffset.ofTotalSeconds("-".equals(m.group(1)) ? secs : -secs);
    }

    String users() {
        return dialect.document("UserList", "<User>" + el("id", 1) + el("userName", "admin")
                + el("userLevel", "Administrator") + "</User>");
    }

    String hddList(IsapiDeviceState s, boolean wrapInStorage) {
        StringBuilder b = new StringBuilder();
        for (Disk d : s.disks()) {
            b.append("<hdd>").append(el("id", d.id())).append(el("hddName", d.name())).append(el("hddPath", ""))
                    .append(el("hddType", "SATA")).append(el("status", d.status()))
                    .append(el("capacity", d.capacityMiB())).append(el("freeSpace", d.freeMiB()))
                    .append(el("property", "RW")).append(el("group", 1)).append("</hdd>");
        }
        if (wrapInStorage) {
            return dialect.document("storage", "<hddList>" + b + "</hddList><nasList/>"
                    + "<workMode opt=\"group,quota\">group</workMode>");
        }
        return dialect.document("hddList", b.toString());
    }

    String extension(IsapiDeviceState s) {
        return dialect.document("storageExtension", el("LoopEnable", s.loopEnable()));
    }

    String tracks(IsapiDeviceState s) {
        return dialect.document("TrackList", track(s, "101", false) + track(s, "201", false));
    }

    String track(IsapiDeviceState s, String id, boolean asDocument) {
        String body = el("id", id) + el("Channel", id.substring(0, 1)) + el("Enable", true)
                + el("LoopEnable", s.loopEnable()) + el("DefaultRecordingMode", "CMR");
        return asDocument ? dialect.document("Track", body) : "<Track>" + body + "</Track>";
    }

    String ezviz(IsapiDeviceState s) {
        return dialect.document("EZVIZ", el("enabled", true) + el("registerStatus", true)
                + "<serverAddress>" + el("addressingFormatType", "hostname") + el("hostName", "litedev.hik-connect.com")
                + "</serverAddress>" + el("verificationCode", "") + el("bindStatus", s.hikConnectBound() ? "bind" : "unbind"));
    }

    String networkCaps(boolean unbindSupported) {
        return dialect.document("NetworkCap", el("isSupportNtp", true) + el("isSupportHttps", true)
                + el("isSupportEZVIZ", true) + el("isSupportEZVIZUnbind", unbindSupported));
    }

    static long secondsUntil(Instant now, Instant until) {
        return until == null ? 0 : Math.max(1, (until.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
