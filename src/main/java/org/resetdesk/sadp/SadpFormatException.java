package org.resetdesk.sadp;

/** A payload that could not be read as SADP at all. Keeps the raw bytes for the log. */
public final class SadpFormatException extends Exception {
    private final transient byte[] raw;

    public SadpFormatException(String message, byte[] raw) {
        super(message);
        this.raw = raw == null ? new byte[0] : raw.clone();
    }

    public byte[] raw() {
        return raw.clone();
    }
}
