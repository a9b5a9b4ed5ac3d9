package org.resetdesk.recorder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpCodec.Element;

/**
 * The inquiry reply ({@code ProbeMatch}) and the {@code Hello} announcement of a virtual recorder, laid out like the
 * real captures (sadp-protocol.md §4.3): CRLF after every element, vector 2's field order with the NVR fields slotted
 * in where the SDK lists them, {@code flase} where vector 2 (DS-2CD2385G1-I, V5.6.2) writes it, and the V5.2.5
 * layout of vector 1 for the legacy profile.
 */
final class DeviceDescription {
    private DeviceDescription() {}

    static byte[] probeMatch(VirtualRecorder r, String uuid, String types) {
        List<Element> e = new ArrayList<>();
        e.add(Element.of("Uuid", uuid));
        e.add(Element.of("Types", types));
        fields(r, e);
        byte[] doc = SadpCodec.deviceDocument("ProbeMatch", e);
        return r.truncateProbeMatch() ? cut(doc) : doc;
    }

    static byte[] hello(VirtualRecorder r) {
        List<Element> e = new ArrayList<>();
        e.add(Element.of("Types", "hello"));
        fields(r, e);
        return SadpCodec.deviceDocument("Hello", e);
    }

    /** Cuts a document in the middle of the SoftwareVersion value, as a short read or a lost fragment would. */
    static byte[] cut(byte[] doc) {
        String s = new String(doc, StandardCharsets.UTF_8);
        int at = s.indexOf("<SoftwareVersion>");
        int end = at < 0 ? doc.length / 2 : at + "<SoftwareVersion>".length() + 4;
        return Arrays.copyOf(doc, end);
    }

    private static void fields(VirtualRecorder r, List<Element> e) {
        RecorderState s = r.state;
        Profile p = r.profile;
        add(e, "DeviceType", p.deviceType());
        add(e, "DeviceDescription", p.model());
        add(e, "DeviceSN", s.serial);
        add(e, "CommandPort", 8000);
        add(e, "HttpPort", r.httpPort());
        add(e, "MAC", s.mac);
        add(e, "IPv4Address", s.ipv4);
        add(e, "IPv4SubnetMask", s.subnetMask());
        add(e, "IPv4Gateway", s.gateway);
        add(e, "IPv6Address", "::");
        add(e, "IPv6Gateway", "::");
        add(e, "IPv6MaskLen", 64);
        add(e, "DHCP", "false");
        add(e, "AnalogChannelNum", p.analogChannels());
        add(e, "DigitalChannelNum", p.digitalChannels());
        add(e, "SoftwareVersion", p.softwareVersion());
        add(e, "DSPVersion", p.dspVersion());
        add(e, "BootTime", r.bootTimeText());
        if (p.legacy()) {
            // V5.2.5 (vector 1) ends at BootTime; the one gate the legacy code needs follows it here.
            add(e, "ResetAbility", "true");
            return;
        }
        add(e, "Encrypt", "true");
        add(e, "ResetAbility", "false");
        add(e, "DiskNumber", s.disks);
        add(e, "Activated", Boolean.toString(s.activated));
        add(e, "PasswordResetAbility", Boolean.toString(p.deviceCode()));
        if (p.syncIpcPassword()) {
            add(e, "SyncIPCPassword", "true");
        }
        add(e, "PasswordResetModeSecond", Boolean.toString(p.encryptedString()));
        add(e, "DetailOEMCode", 1);
        add(e, "SupportGUID", Boolean.toString(p.guid()));
        add(e, "SupportSecurityQuestion", Boolean.toString(p.questions()));
        add(e, "SupportHCPlatform", Boolean.toString(p.hikConnect()));
        add(e, "HCPlatformEnable", typo(s.hcPlatformEnable));
        add(e, "IsModifyVerificationCode", "true");
        add(e, "Salt", s.userSalt);
        add(e, "DeviceLock", typo(false));
        add(e, "SDKOverTLSPort", 8443);
        add(e, "SDKServerStatus", "true");
        add(e, "SDKOverTLSServerStatus", "true");
        add(e, "SupportMailBox", Boolean.toString(p.mail()));
        add(e, "UserName", "admin");
        add(e, "supportEzvizUnbind", Boolean.toString(p.hikConnect()));
        add(e, "codeEncrypt", Boolean.toString(p.codeEncrypt()));
        add(e, "SupportPasswordResetType", Boolean.toString(p.resetType()));
        add(e, "EZVIZBindStatus", p.hikConnect() ? (s.hikConnectBound ? 1 : 2) : 0);
        add(e, "SADPVersion", "3.0");
    }

    /** The firmware typo for false seen on HCPlatformEnable and DeviceLock (vector 2). */
    private static String typo(boolean v) {
        return v ? "true" : "flase";
    }

    private static void add(List<Element> e, String name, Object value) {
        e.add(Element.of(name, String.valueOf(value)));
    }
}
