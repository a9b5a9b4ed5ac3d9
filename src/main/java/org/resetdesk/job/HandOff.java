package org.resetdesk.job;

/**
 * Hands a support packet over to vendor support through one channel (a folder or USB stick, e-mail, ...).
 * Implementations either deliver at once or accept the packet into a durable queue; in both cases the returned
 * receipt names the message, and the message is not lost afterwards. Implementations are thread-safe.
 */
public interface HandOff {

    /** How far the packet got when {@link #send} returned. */
    enum Status {
        /** Written to its destination (the folder holds every file). */
        DELIVERED,
        /** Stored durably in an outbox; a sender delivers it when the server can be reached. */
        QUEUED
    }

    /** {@code messageId} identifies the hand-over in events and in the outbox; {@code where} is for people. */
    record Receipt(String messageId, String channel, Status status, String where) {}

    /** Thrown when the packet could not be delivered nor queued; nothing was half-written. */
    final class HandOffFailed extends RuntimeException {
        public HandOffFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Receipt send(SupportPacket packet);
}
