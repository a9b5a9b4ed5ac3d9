package org.resetdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.resetdesk.job.JobEvent;

/**
 * Appends to the chained event log inside the caller's transaction. The chain head row is locked first, so appends
 * from several processes queue up and every row links to the one before it. There is no update or delete.
 */
final class EventLog {
    static final int MAX_TYPE = 64;
    static final int MAX_DETAIL = 16_000;

    private EventLog() {}

    static List<JobEvent> append(Connection c, List<JobEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        long seq;
        String prev;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT last_seq, last_hash FROM chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the event chain head row is missing");
            }
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        List<JobEvent> stored = new ArrayList<>(events.size());
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO events (seq, job_id, at, type, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (JobEvent e : events) {
                check(e);
                seq++;
                String hash = EventHash.of(prev, seq, e.jobId(), e.at(), e.type(), e.detail());
                ins.setLong(1, seq);
                ins.setString(2, e.jobId());
                ins.setObject(3, utc(e.at()));
                ins.setString(4, e.type());
                ins.setString(5, e.detail());
                ins.setString(6, prev);
                ins.setString(7, hash);
                ins.addBatch();
                stored.add(new JobEvent(seq, e.jobId(), e.at(), e.type(), e.detail()));
                prev = hash;
            }
            ins.executeBatch();
        }
        try (PreparedStatement upd = c.prepareStatement("UPDATE chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            upd.setLong(1, seq);
            upd.setString(2, prev);
            upd.executeUpdate();
        }
        return stored;
    }

    private static void check(JobEvent e) {
        if (e.at() == null || e.type() == null || e.type().isBlank()) {
            throw new IllegalArgumentException("an event needs a time and a type: " + e.type());
        }
        if (e.type().length() > MAX_TYPE) {
            throw new IllegalArgumentException("event type longer than " + MAX_TYPE + " characters: " + e.type());
        }
        if (e.detail() != null && e.detail().length() > MAX_DETAIL) {
            throw new IllegalArgumentException("event detail longer than " + MAX_DETAIL + " characters (" + e.type() + ")");
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static JobEvent read(ResultSet rs) throws SQLException {
        return new JobEvent(rs.getLong("seq"), rs.getString("job_id"), instant(rs, rs.findColumn("at")),
                rs.getString("type"), rs.getString("detail"));
    }
}
