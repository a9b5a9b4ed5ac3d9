package org.resetdesk.job;

/** The lifecycle of a reset job (issue 3). Transitions are data: {@link #canMoveTo(JobState)}. */
public enum JobState {
    INTAKE, IDENTIFIED, REQUEST_EXPORTED, AWAITING_REPLY, REPLY_RECEIVED, PASSWORD_SET, AFTERCARE, CLOSED,
    VOIDED, ABANDONED;

    public boolean canMoveTo(JobState next) {
        if (next == ABANDONED) {
            return isOpen();
        }
        return switch (this) {
            // IDENTIFIED -> PASSWORD_SET: activation, or a method without a support round trip
            case INTAKE -> next == IDENTIFIED;
            case IDENTIFIED -> next == REQUEST_EXPORTED || next == PASSWORD_SET || next == IDENTIFIED;
            case REQUEST_EXPORTED -> next == AWAITING_REPLY || next == REPLY_RECEIVED || next == VOIDED;
            case AWAITING_REPLY -> next == REPLY_RECEIVED || next == VOIDED;
            // a reply rejected by the device (wrong code, locked) keeps the attempt: back to waiting for a good one
            case REPLY_RECEIVED -> next == PASSWORD_SET || next == AWAITING_REPLY || next == VOIDED;
            case PASSWORD_SET -> next == AFTERCARE || next == CLOSED;
            case AFTERCARE -> next == CLOSED;
            case VOIDED -> next == IDENTIFIED;
            case CLOSED, ABANDONED -> false;
        };
    }

    public boolean isOpen() {
        return this != CLOSED && this != ABANDONED;
    }

    /** States in which an exported challenge is alive on the device and the guards watch it. */
    public boolean isArmed() {
        return this == REQUEST_EXPORTED || this == AWAITING_REPLY || this == REPLY_RECEIVED;
    }
}
