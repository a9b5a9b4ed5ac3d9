package org.resetdesk.support;

/** Event types support writes into a job's log. Details name the message id; never a password. */
public final class SupportEvents {
    private SupportEvents() {}

    public static final String HANDOFF_DELIVERED = "handoff.delivered";
    public static final String HANDOFF_QUEUED = "handoff.queued";
    public static final String HANDOFF_ATTEMPT = "handoff.attempt";
    public static final String HANDOFF_SENT = "handoff.sent";
    public static final String HANDOFF_FAILED = "handoff.failed";
    public static final String HANDOFF_HELD = "handoff.held";
    public static final String REPLY_RECEIVED = "reply.received";
    public static final String REPLY_REJECTED = "reply.rejected";
    public static final String NOTIFY_QUEUED = "notify.queued";
    public static final String NOTIFY_SKIPPED = "notify.skipped";
    public static final String RECEIPT_PRINTED = "receipt.printed";
}
