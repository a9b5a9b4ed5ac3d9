package org.resetdesk.sadp;

import java.util.EnumSet;
import java.util.Set;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Macs;
import org.resetdesk.job.ResetMethod;

/**
 * A device description read from a {@code ProbeMatch} (inquiry reply) or {@code Hello} (announcement), with the
 * fields the kiosk and the {@code decode} command use. Null means the device did not send the element.
 *
 * @param root          the document's root element ({@code ProbeMatch}, {@code Hello}, …)
 * @param macRaw        the MAC exactly as sent; {@link #mac} is its normalised form
 * @param truncated     the datagram was cut off; fields after the cut are null
 * @param recovery      null, or why the line-level fallback was needed
 */
public record ProbeMatch(String root, String uuid, String types, String deviceType, String model, String serial,
                         String macRaw, String ipv4, String subnetMask, String gateway, String firmware,
                         String bootTime, Boolean activated, Set<ResetMethod> resetMethods, Boolean syncIpcPassword,
                         Boolean hikConnectEnabled, Boolean codeEncrypt, Boolean supportPasswordResetType,
                         String salt, String userName, String sadpVersion, boolean truncated, String recovery,
                         Integer httpPort, Integer httpsPort) {

    public ProbeMatch {
        resetMethods = resetMethods == null ? Set.of() : Set.copyOf(resetMethods);
    }

    public static ProbeMatch from(SadpDocument d) {
        return new ProbeMatch(d.root(), d.get("Uuid"), d.types(), d.get("DeviceType"), d.get("DeviceDescription"),
                d.get("DeviceSN"), d.get("MAC"), d.get("IPv4Address"), d.get("IPv4SubnetMask"), d.get("IPv4Gateway"),
                d.get("SoftwareVersion"), d.get("BootTime"), d.bool("Activated"), resetMethods(d),
                d.bool("SyncIPCPassword"), d.bool("HCPlatformEnable"), d.bool("codeEncrypt"),
                d.bool("SupportPasswordResetType"), d.get("Salt"), d.get("UserName"), d.get("SADPVersion"),
                d.truncated(), d.recovery(), d.integer("HttpPort"), d.integer("HttpsPort"));
    }

    /**
     * The reset methods the flags advertise (sadp-protocol.md §4.2). Decisions:
     * <ul>
     * <li>{@code Activated=false}: none (the device needs activation, not a reset);</li>
     * <li>{@code PasswordResetModeSecond}: ENCRYPTED_STRING;</li>
     * <li>{@code PasswordResetAbility} only when ModeSecond is not true: DEVICE_CODE. A device with both flags
     * (vector 2) is offered the encrypted string only, as the SDK's own flow does (§5.1 step 1: "if ModeSecond,
     * getencryptstring, else if PasswordResetAbility, getcode"); a second export would replace the first anyway;</li>
     * <li>{@code ResetAbility}: LEGACY_SECURITY_CODE; {@code SupportGUID}: GUID_FILE; {@code SupportSecurityQuestion}:
     * SECURITY_QUESTIONS; {@code SupportMailBox}: RESERVED_EMAIL (capabilities: whether a GUID, questions or an
     * address were set is only known from {@code getPasswordResetType} or by trying).</li>
     * </ul>
     * Absent flags count as false (old firmware, vector 1).
     */
    public static Set<ResetMethod> resetMethods(SadpDocument d) {
        EnumSet<ResetMethod> m = EnumSet.noneOf(ResetMethod.class);
        if (Boolean.FALSE.equals(d.bool("Activated"))) {
            return m;
        }
        boolean second = Boolean.TRUE.equals(d.bool("PasswordResetModeSecond"));
        if (second) {
            m.add(ResetMethod.ENCRYPTED_STRING);
        } else if (Boolean.TRUE.equals(d.bool("PasswordResetAbility"))) {
            m.add(ResetMethod.DEVICE_CODE);
        }
        if (Boolean.TRUE.equals(d.bool("ResetAbility"))) {
            m.add(ResetMethod.LEGACY_SECURITY_CODE);
        }
        if (Boolean.TRUE.equals(d.bool("SupportGUID"))) {
            m.add(ResetMethod.GUID_FILE);
        }
        if (Boolean.TRUE.equals(d.bool("SupportSecurityQuestion"))) {
            m.add(ResetMethod.SECURITY_QUESTIONS);
        }
        if (Boolean.TRUE.equals(d.bool("SupportMailBox"))) {
            m.add(ResetMethod.RESERVED_EMAIL);
        }
        return m;
    }

    /** The MAC in the devices' own spelling (lower-case, dashes); the raw text if it is not a MAC; null if absent. */
    public String mac() {
        if (macRaw == null) {
            return null;
        }
        try {
            return Macs.normalise(macRaw);
        } catch (IllegalArgumentException e) {
            return macRaw;
        }
    }

    /** True for an inquiry answer or a Hello: something that describes a device. */
    public boolean describesDevice() {
        return ("ProbeMatch".equalsIgnoreCase(root) || "Hello".equalsIgnoreCase(root))
                && (serial != null || macRaw != null || model != null);
    }

    /** Validity of an export is not in the inquiry; it stays null unless another source tells it. */
    public DeviceInfo toDeviceInfo() {
        return new DeviceInfo(model, serial, mac(), ipv4, subnetMask, gateway, firmware, bootTime, activated,
                resetMethods, syncIpcPassword, hikConnectEnabled, codeEncrypt, null);
    }
}
