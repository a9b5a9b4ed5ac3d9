package org.resetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.resetdesk.job.Attempt;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.Macs;
import org.resetdesk.job.SerialNumbers;

/** Writes a job snapshot into the jobs, customers and attempts tables, inside the caller's transaction. */
final class JobRows {
    private JobRows() {}

    /** Locks the job's row for this transaction and returns its stored state, or null for a new job. */
    static JobState lockState(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM jobs WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? JobState.valueOf(rs.getString(1)) : null;
            }
        }
    }

    static void upsert(Connection c, Job job) throws SQLException {
        Intake in = job.intake();
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO jobs (id, state, is_open, created_at, updated_at,"
                + " staff_id, label_serial, device_serial, device_mac, deadline, search_text, snapshot)"
                + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.state().name());
            ps.setBoolean(3, job.isOpen());
            ps.setObject(4, EventLog.utc(job.createdAt()));
            ps.setObject(5, EventLog.utc(job.updatedAt()));
            ps.setString(6, in == null ? null : in.staffId());
            ps.setString(7, in == null ? null : in.labelSerial());
            ps.setString(8, job.device() == null ? null : job.device().serial());
            ps.setString(9, mac(job));
            ps.setObject(10, EventLog.utc(job.deadline()));
            ps.setString(11, searchText(job));
            ps.setString(12, JobJson.write(job));
            ps.executeUpdate();
        }
        if (in != null) {
            upsertCustomer(c, job.id(), in);
        }
        if (job.attempt() != null) {
            upsertAttempt(c, job.id(), job.attempt());
        }
    }

    private static void upsertCustomer(Connection c, String jobId, Intake in) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO customers (job_id, name, contact, ownership_kind,"
                + " ownership_ref, id_doc_type, id_doc_last4, photo_count, has_personal) KEY (job_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, jobId);
            ps.setString(2, in.customerName());
            ps.setString(3, in.customerContact());
            ps.setString(4, in.ownershipKind() == null ? null : in.ownershipKind().name());
            ps.setString(5, in.ownershipRef());
            ps.setString(6, in.idDocumentType());
            ps.setString(7, in.idDocumentLast4());
            ps.setInt(8, in.photos().size());
            ps.setBoolean(9, hasPersonalData(in));
            ps.executeUpdate();
        }
    }

    private static void upsertAttempt(Connection c, String jobId, Attempt a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO attempts (job_id, number, method, exported_at,"
                + " deadline, request_sha256, void_reason, succeeded) KEY (job_id, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, jobId);
            ps.setInt(2, a.number());
            ps.setString(3, a.method() == null ? null : a.method().name());
            ps.setObject(4, EventLog.utc(a.exportedAt()));
            ps.setObject(5, EventLog.utc(a.deadline()));
            ps.setString(6, a.requestSha256());
            ps.setString(7, a.voidReason());
            ps.setBoolean(8, a.succeeded());
            ps.executeUpdate();
        }
    }

    static boolean hasPersonalData(Intake in) {
        return in.customerName() != null || in.customerContact() != null || in.ownershipRef() != null
                || in.idDocumentLast4() != null || !in.photos().isEmpty();
    }

    private static String mac(Job job) {
        if (job.device() == null || job.device().mac() == null) {
            return null;
        }
        try {
            return Macs.normalise(job.device().mac());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What the history search matches: id, customer name, label and device serial, lower case. */
    static String searchText(Job job) {
        StringBuilder s = new StringBuilder(job.id());
        Intake in = job.intake();
        if (in != null) {
            append(s, in.customerName());
            append(s, in.labelSerial());
            append(s, SerialNumbers.normalise(in.labelSerial()));
        }
        if (job.device() != null) {
            append(s, job.device().serial());
        }
        String text = s.toString().toLowerCase(Locale.ROOT);
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static void append(StringBuilder s, String part) {
        if (part != null && !part.isEmpty()) {
            s.append('\n').append(part);
        }
    }
}
