package org.resetdesk.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A consistent copy of a virtual recorder's state for trainers, tests and {@code recorder-ctl state}. Instants are
 * on the recorder's own clock; {@code bootTime} is formatted as the device sends it.
 */
public record RecorderSnapshot(String profile, String power, String serial, String mac, String ipv4, int prefix,
                               String subnetMask, String gateway, String bootTime, Instant clock,
                               long clockOffsetMs, boolean activated, boolean pendingExport, String exportKind,
                               Instant exportedAt, Instant exportExpiresAt, int validityHours, int failedAttempts,
                               int retriesLeft, Instant lockedUntil, Instant passwordChangedAt, boolean loopEnable,
                               boolean hikConnectEnabled, boolean hikConnectBound, boolean guidExported,
                               String reservedEmail, int disks, Instant ipcPasswordsSyncedAt,
                               boolean truncateProbeMatch) {

    static RecorderSnapshot of(VirtualRecorder r, VirtualRecorder.Power power, String bootTime, boolean truncate) {
        RecorderState s = r.state;
        Ram ram = r.ram;
        Instant now = r.now();
        ram.lockedMinutes(now);
        Ram.Challenge c = ram.challenge;
        int hours = r.profile.validityHours();
        return new RecorderSnapshot(r.profile.id(), power.name().toLowerCase(java.util.Locale.ROOT), s.serial, s.mac,
                s.ipv4, s.prefix, s.subnetMask(), s.gateway, bootTime, now, s.clockOffsetMs, s.activated, c != null,
                c == null ? null : c.kind().name(), c == null ? null : c.exportedAt(),
                c == null ? null : c.exportedAt().plus(Duration.ofHours(hours)), hours, ram.failedAttempts,
                Math.max(0, Ram.MAX_ATTEMPTS - ram.failedAttempts), ram.lockedUntil, s.passwordChangedAt,
                s.loopEnable, s.hcPlatformEnable, s.hikConnectBound, s.guid != null && s.guidExported,
                s.reservedEmail, s.disks, s.ipcPasswordsSyncedAt, truncate);
    }

    /** JSON-ready map (instants as ISO-8601 strings, absent values as null), keys in a stable order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile);
        m.put("power", power);
        m.put("serial", serial);
        m.put("mac", mac);
        m.put("ipv4", ipv4);
        m.put("prefix", prefix);
        m.put("subnetMask", subnetMask);
        m.put("gateway", gateway);
        m.put("bootTime", bootTime);
        m.put("clock", text(clock));
        m.put("clockOffsetMs", clockOffsetMs);
        m.put("activated", activated);
        m.put("pendingExport", pendingExport);
        m.put("exportKind", exportKind);
        m.put("exportedAt", text(exportedAt));
        m.put("exportExpiresAt", text(exportExpiresAt));
        m.put("validityHours", validityHours);
        m.put("failedAttempts", failedAttempts);
        m.put("retriesLeft", retriesLeft);
        m.put("lockedUntil", text(lockedUntil));
        m.put("passwordChangedAt", text(passwordChangedAt));
        m.put("loopEnable", loopEnable);
        m.put("hikConnectEnabled", hikConnectEnabled);
        m.put("hikConnectBound", hikConnectBound);
        m.put("guidExported", guidExported);
        m.put("reservedEmail", reservedEmail);
        m.put("disks", disks);
        m.put("ipcPasswordsSyncedAt", text(ipcPasswordsSyncedAt));
        m.put("truncateProbeMatch", truncateProbeMatch);
        return m;
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
