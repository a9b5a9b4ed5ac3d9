package org.resetdesk.support;

/**
 * Event types support writes into a job's log. Details name the message id; never a password. ({@code handoff.sent}
 * belongs to {@code JobService.markSent}, which moves the job to AWAITING_REPLY once a hand-off was accepted.)
 */
public final class SupportEvents {
    private SupportEvents() {}

    /** The folder holds the files, or the mail server accepted the mail. */
    public static final String HANDOFF_DELIVERED = "handoff.delivered";
    /** The mail is safe in the outbox. */
    public static final String HANDOFF_QUEUED = "handoff.queued";
    /** The outbox sender is trying to deliver (once per try). */
    public static final String HANDOFF_ATTEMPT = "handoff.attempt";
    /** A try failed; the mail stays queued and is retried with backoff. */
    public static final String HANDOFF_FAILED = "handoff.failed";
    public static final String HANDOFF_HELD = "handoff.held";
    public static final String REPLY_RECEIVED = "reply.received";
    public static final String REPLY_REJECTED = "reply.rejected";
    public static final String NOTIFY_QUEUED = "notify.queued";
    public static final String NOTIFY_SKIPPED = "notify.skipped";
    public static final String RECEIPT_PRINTED = "receipt.printed";
}
