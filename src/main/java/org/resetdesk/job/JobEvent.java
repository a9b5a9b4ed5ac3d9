package org.resetdesk.job;

import java.time.Instant;

/**
 * One line of a job's history. {@code seq} is assigned by the store (global, increasing); {@code type} is a short
 * dotted name ({@code state.IDENTIFIED}, {@code guard.voided}, {@code export.written}); {@code detail} is plain text
 * for people, never containing a password or PIN.
 */
public record JobEvent(long seq, String jobId, Instant at, String type, String detail) {
    public static JobEvent of(String jobId, Instant at, String type, String detail) {
        return new JobEvent(0, jobId, at, type, detail);
    }
}
