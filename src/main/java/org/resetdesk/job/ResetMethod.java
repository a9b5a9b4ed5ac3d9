package org.resetdesk.job;

/** The vendor's reset methods, as the device advertises them (sadp-protocol.md §4.2). */
public enum ResetMethod {
    ENCRYPTED_STRING(true),
    DEVICE_CODE(true),
    LEGACY_SECURITY_CODE(true),
    GUID_FILE(false),
    SECURITY_QUESTIONS(false),
    RESERVED_EMAIL(false);

    private final boolean supportRoundTrip;

    ResetMethod(boolean supportRoundTrip) {
        this.supportRoundTrip = supportRoundTrip;
    }

    /** True when the method needs an export that vendor support answers (the attempt is then armed and guarded). */
    public boolean needsSupportRoundTrip() {
        return supportRoundTrip;
    }

    /** True when the method exports a request from the device (a challenge held in the device's RAM). */
    public boolean exportsChallenge() {
        return this == ENCRYPTED_STRING || this == DEVICE_CODE;
    }
}
