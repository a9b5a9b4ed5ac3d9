package org.resetdesk.isapi;

/** A response body that is not acceptable ISAPI XML: too large, malformed, or with a DTD. */
public final class IsapiFormatException extends Exception {
    public IsapiFormatException(String message) {
        super(message);
    }

    public IsapiFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
