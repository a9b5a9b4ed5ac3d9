package org.resetdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Checks the tamper-evident event chain from the first row to the chain head and names the first row that breaks
 * it: a changed row (its content no longer matches its hash), a removed or inserted row (a seq gap, or a row that
 * does not link to the one before it), or rows cut from the end (the head names a later row).
 */
public final class AuditChain {
    private static final int PAGE = 5_000;

    /** {@code brokenSeq} is null when the chain is intact. */
    public record Result(long checked, Long brokenSeq, String brokenJob, String reason) {
        public boolean intact() {
            return brokenSeq == null;
        }

        /** One line for people and the CLI. */
        public String describe() {
            if (intact()) {
                return "audit: " + checked + " events verified, chain intact";
            }
            return "audit: chain broken at event seq " + brokenSeq + (brokenJob == null ? "" : " (job " + brokenJob + ")")
                    + ": " + reason;
        }
    }

    private final H2Database db;

    public AuditChain(H2Database db) {
        this.db = db;
    }

    public Result verify() {
        return db.read("verify the event chain", c -> {
            long expected = 1;
            String prevHash = EventHash.GENESIS;
            long checked = 0;
            try (PreparedStatement page = c.prepareStatement("SELECT seq, job_id, at, type, detail, prev_hash, hash"
                    + " FROM events WHERE seq >= ? ORDER BY seq LIMIT " + PAGE)) {
                while (true) {
                    page.setLong(1, expected);
                    int rows = 0;
                    try (ResultSet rs = page.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            var e = EventLog.read(rs);
                            String storedPrev = rs.getString("prev_hash");
                            String storedHash = rs.getString("hash");
                            if (e.seq() != expected) {
                                return broken(checked, e.seq(), e.jobId(), "expected seq " + expected
                                        + " next: rows " + expected + ".." + (e.seq() - 1) + " were removed");
                            }
                            if (!prevHash.equals(storedPrev)) {
                                return broken(checked, e.seq(), e.jobId(), "it does not link to seq " + (e.seq() - 1)
                                        + " (that row was changed, or a row was removed or inserted)");
                            }
                            String actual = EventHash.of(storedPrev, e.seq(), e.jobId(), e.at(), e.type(), e.detail());
                            if (!actual.equals(storedHash)) {
                                return broken(checked, e.seq(), e.jobId(),
                                        "its content does not match its hash (the row was changed after it was written)");
                            }
                            prevHash = storedHash;
                            expected++;
                            checked++;
                        }
                    }
                    if (rows < PAGE) {
                        break;
                    }
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM chain_head WHERE id = 1")) {
                if (!rs.next()) {
                    return broken(checked, expected, null, "the chain head row is missing");
                }
                long headSeq = rs.getLong(1);
                if (headSeq != expected - 1 || !rs.getString(2).equals(prevHash)) {
                    return broken(checked, expected, null, "the chain head names seq " + headSeq + " but the log ends at"
                            + " seq " + (expected - 1) + " (rows were removed from the end, or the head was changed)");
                }
            }
            return new Result(checked, null, null, null);
        });
    }

    private static Result broken(long checked, long seq, String job, String reason) {
        return new Result(checked, seq, job, reason);
    }
}
