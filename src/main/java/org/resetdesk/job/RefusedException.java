package org.resetdesk.job;

/** A use case said no; the refusal carries the message key the UI shows and a plain text for the CLI. */
public final class RefusedException extends RuntimeException {
    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.text());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
