package org.resetdesk.job;

/**
 * A device's answer to a command, typed (sadp-protocol.md §2.1). {@code retriesLeft} and {@code lockedMinutes}
 * are null unless the device said them; {@code rawResult} is the device's {@code Result} text (null on timeout).
 */
public record DeviceOutcome(Kind kind, Integer retriesLeft, Integer lockedMinutes, String rawResult) {

    public enum Kind {
        SUCCESS, CODE_ERROR, LOCKED, EMPTY_ENCRYPT_STRING, EXPORT_FILE_OVERDUE, RISK_PASSWORD, NOT_ACTIVATED,
        HAS_ACTIVATED, PASSWORD_ERROR, ANSWER_ERROR, INVALID_GUID, MAILBOX_NOT_SET, DENIED, TIMEOUT, REFUSED, OTHER
    }

    public static DeviceOutcome of(Kind kind) {
        return new DeviceOutcome(kind, null, null, null);
    }

    public boolean isSuccess() {
        return kind == Kind.SUCCESS;
    }

    /** True when the device's answer proves the exported challenge is gone (restart) or expired. */
    public boolean voidsAttempt() {
        return kind == Kind.EMPTY_ENCRYPT_STRING || kind == Kind.EXPORT_FILE_OVERDUE;
    }
}
