package org.resetdesk.job;

/** The vendor's reset methods, as the device advertises them (sadp-protocol.md §4.2). */
public enum ResetMethod {
    ENCRYPTED_STRING(true, true),
    DEVICE_CODE(true, true),
    LEGACY_SECURITY_CODE(true, false),
    GUID_FILE(false, false),
    SECURITY_QUESTIONS(false, false),
    /**
     * The reserved e-mail (sadp-protocol.md §5.6): the device exports a QR code ({@code GetQRcodes}); the customer
     * scans it with Hik-Connect or mails it to the vendor's recovery address, and the verification code arrives in
     * the reserved mailbox. The code is bound to the device's RAM challenge like a support reply, so the attempt is
     * armed and guarded the same way; it is sent with {@code MailReset}.
     */
    RESERVED_EMAIL(true, true);

    private final boolean roundTrip;
    private final boolean exportsChallenge;

    ResetMethod(boolean roundTrip, boolean exportsChallenge) {
        this.roundTrip = roundTrip;
        this.exportsChallenge = exportsChallenge;
    }

    /**
     * True when the method needs an answer from outside the counter: vendor support, or for the reserved e-mail the
     * vendor's mail service. Such a method is never a direct reset.
     */
    public boolean needsSupportRoundTrip() {
        return roundTrip;
    }

    /** True when the method exports a request from the device (a challenge held in the device's RAM). */
    public boolean exportsChallenge() {
        return exportsChallenge;
    }

    /** True when the answer comes to the customer's reserved mailbox rather than from support. */
    public boolean answeredByMail() {
        return this == RESERVED_EMAIL;
    }
}
