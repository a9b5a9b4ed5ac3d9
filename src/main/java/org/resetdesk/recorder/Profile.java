package org.resetdesk.recorder;

import java.util.Locale;

/**
 * What kind of device a virtual recorder plays. Model names, firmware strings and capability flags follow the real
 * captures and the SDK field list (sadp-protocol.md §4.1, §4.3); the numbers not seen in any capture (DeviceType of
 * the NVR/DVR models) are plausible values from the observed set.
 */
public enum Profile {
    /** NVR: encrypted-string method (and device code), SyncIPCPassword, GUID, questions, e-mail, Hik-Connect bound. */
    NVR("DS-7608NI-K2/8P", 142378, "V4.62.210build 230311", "V5.0, build 230225", 0, 8, 2, 48,
            Caps.ENCRYPTED_STRING | Caps.DEVICE_CODE | Caps.SYNC_IPC | Caps.GUID | Caps.QUESTIONS | Caps.MAIL
                    | Caps.HIK_CONNECT | Caps.HC_BOUND | Caps.CODE_ENCRYPT | Caps.RESET_TYPE),
    /**
     * DVR (Turbo HD): device-code method only, analogue channels, DVR serial layout (channel field, WCVU suffix),
     * 24-hour export validity and the stricter password rules of newer DVR manuals.
     */
    DVR("DS-7208HQHI-K1", 140071, "V4.32.000build 220127", "V5.0, build 220107", 8, 2, 1, 24,
            Caps.DEVICE_CODE | Caps.SYNC_IPC | Caps.HIK_CONNECT | Caps.STRICT_PASSWORDS | Caps.DVR_SERIAL),
    /** Network camera like capture vector 2: encrypted string and device code, questions, e-mail. */
    CAMERA("DS-2CD2385G1-I", 141945, "V5.6.2build 190701", "V7.3 build 190626", 0, 1, 0, 48,
            Caps.ENCRYPTED_STRING | Caps.DEVICE_CODE | Caps.QUESTIONS | Caps.MAIL | Caps.HIK_CONNECT),
    /** Old firmware like capture vector 1 (V5.2.5, 2014): legacy security code only, no exchange, short ProbeMatch. */
    LEGACY("DS-2CD2432F-IW", 38930, "V5.2.5build 141201", "V5.0, build 140714", 0, 1, 0, 48,
            Caps.LEGACY_CODE | Caps.LEGACY_LAYOUT),
    /** A new NVR out of the box: Activated=false, accepts {@code activate}. */
    INACTIVE("DS-7604NI-K1", 44322, "V4.62.210build 230311", "V5.0, build 230225", 0, 4, 0, 48,
            Caps.ENCRYPTED_STRING | Caps.DEVICE_CODE | Caps.SYNC_IPC | Caps.HIK_CONNECT | Caps.INACTIVE);

    static final class Caps {
        static final int ENCRYPTED_STRING = 1;
        static final int DEVICE_CODE = 1 << 1;
        static final int LEGACY_CODE = 1 << 2;
        static final int SYNC_IPC = 1 << 3;
        static final int GUID = 1 << 4;
        static final int QUESTIONS = 1 << 5;
        static final int MAIL = 1 << 6;
        static final int HIK_CONNECT = 1 << 7;
        static final int HC_BOUND = 1 << 8;
        static final int CODE_ENCRYPT = 1 << 9;
        static final int RESET_TYPE = 1 << 10;
        static final int STRICT_PASSWORDS = 1 << 11;
        static final int DVR_SERIAL = 1 << 12;
        static final int LEGACY_LAYOUT = 1 << 13;
        static final int INACTIVE = 1 << 14;

        private Caps() {}
    }

    private final String model;
    private final int deviceType;
    private final String softwareVersion;
    private final String dspVersion;
    private final int analogChannels;
    private final int digitalChannels;
    private final int disks;
    private final int validityHours;
    private final int caps;

    Profile(String model, int deviceType, String softwareVersion, String dspVersion, int analogChannels,
            int digitalChannels, int disks, int validityHours, int caps) {
        this.model = model;
        this.deviceType = deviceType;
        this.softwareVersion = softwareVersion;
        this.dspVersion = dspVersion;
        this.analogChannels = analogChannels;
        this.digitalChannels = digitalChannels;
        this.disks = disks;
        this.validityHours = validityHours;
        this.caps = caps;
    }

    /** {@code nvr}, {@code dvr}, ... (case-insensitive). */
    public static Profile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown recorder profile '" + name
                    + "' (nvr, dvr, camera, legacy, inactive)", e);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String model() {
        return model;
    }

    public int deviceType() {
        return deviceType;
    }

    public String softwareVersion() {
        return softwareVersion;
    }

    public String dspVersion() {
        return dspVersion;
    }

    public int analogChannels() {
        return analogChannels;
    }

    public int digitalChannels() {
        return digitalChannels;
    }

    public int defaultDisks() {
        return disks;
    }

    /** How long an exported challenge stays valid on the recorder's own clock (24 h on the DVR, else 48 h). */
    public int validityHours() {
        return validityHours;
    }

    boolean has(int cap) {
        return (caps & cap) != 0;
    }

    public boolean encryptedString() {
        return has(Caps.ENCRYPTED_STRING);
    }

    public boolean deviceCode() {
        return has(Caps.DEVICE_CODE);
    }

    public boolean legacyCode() {
        return has(Caps.LEGACY_CODE);
    }

    public boolean syncIpcPassword() {
        return has(Caps.SYNC_IPC);
    }

    public boolean guid() {
        return has(Caps.GUID);
    }

    public boolean questions() {
        return has(Caps.QUESTIONS);
    }

    public boolean mail() {
        return has(Caps.MAIL);
    }

    public boolean hikConnect() {
        return has(Caps.HIK_CONNECT);
    }

    public boolean codeEncrypt() {
        return has(Caps.CODE_ENCRYPT);
    }

    public boolean resetType() {
        return has(Caps.RESET_TYPE);
    }

    public boolean strictPasswords() {
        return has(Caps.STRICT_PASSWORDS);
    }

    public boolean dvrSerial() {
        return has(Caps.DVR_SERIAL);
    }

    /** Old firmware: no exchange, ProbeMatch in the 2014 layout. */
    public boolean legacy() {
        return has(Caps.LEGACY_LAYOUT);
    }

    public boolean startsInactive() {
        return has(Caps.INACTIVE);
    }
}
