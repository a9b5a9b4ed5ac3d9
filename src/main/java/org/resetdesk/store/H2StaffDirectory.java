package org.resetdesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.StaffDirectory;

/**
 * Staff accounts in H2. PINs are stored only as PBKDF2 hashes ({@link PinHash}); {@code maxFailures} wrong PINs in
 * a row lock the account for {@code lockFor}, and the counter lives in the database, so a restart or another
 * process does not reset it. Adding staff and each lockout are events in the audit chain. The caller's PIN array
 * is read, never kept or changed: the caller wipes it. Thread-safe.
 */
public final class H2StaffDirectory implements StaffDirectory {
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_LOCK = Duration.ofMinutes(5);

    private final H2Database db;
    private final Clock clock;
    private final int iterations;
    private final int maxFailures;
    private final Duration lockFor;
    private final byte[] dummySalt = new byte[16];

    public H2StaffDirectory(H2Database db, Clock clock) {
        this(db, clock, PinHash.DEFAULT_ITERATIONS, DEFAULT_MAX_FAILURES, DEFAULT_LOCK);
    }

    public H2StaffDirectory(H2Database db, Clock clock, int iterations, int maxFailures, Duration lockFor) {
        if (iterations < PinHash.MIN_ITERATIONS || maxFailures < 1 || lockFor.isNegative()) {
            throw new IllegalArgumentException("iterations >= " + PinHash.MIN_ITERATIONS + ", maxFailures >= 1");
        }
        this.db = db;
        this.clock = clock;
        this.iterations = iterations;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    @Override
    public void add(String id, String name, char[] pin, Role role) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("a staff id is 1 to 32 letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a staff name is 1 to 100 characters");
        }
        if (!PinHash.wellFormed(pin)) {
            throw new IllegalArgumentException("a PIN is 4 to 12 digits");
        }
        PinHash.Hashed h = PinHash.hash(pin, iterations);
        Instant now = clock.instant();
        db.inTransaction("add staff " + id, c -> {
            if (find(c, id).isPresent()) {
                throw new StoreException("staff id " + id + " already exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff (id, name, role, pin_salt,"
                    + " pin_iterations, pin_hash, failed_count, locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name.strip());
                ps.setString(3, (role == null ? Role.STAFF : role).name());
                ps.setBytes(4, h.salt());
                ps.setInt(5, h.iterations());
                ps.setBytes(6, h.hash());
                ps.setObject(7, EventLog.utc(now));
                ps.executeUpdate();
            }
            return EventLog.append(c, List.of(JobEvent.of(null, now, "staff.added",
                    "staff " + id + " added as " + (role == null ? Role.STAFF : role))));
        });
    }

    @Override
    public SignIn signIn(String id, char[] pin) {
        Credentials cred = db.read("read staff " + id, c -> credentials(c, id));
        if (cred == null) {
            PinHash.derive(pin == null ? new char[0] : pin, dummySalt, iterations); // same cost: no id probing by time
            return new Unknown();
        }
        Instant now = clock.instant();
        if (cred.lockedUntil != null && now.isBefore(cred.lockedUntil)) {
            return locked(now, cred.lockedUntil);
        }
        boolean ok = pin != null && PinHash.matches(pin, cred.salt, cred.iterations, cred.hash);
        return db.inTransaction("record a sign-in of " + id, c -> {
            Credentials fresh = credentials(c, id);
            if (fresh.lockedUntil != null && now.isBefore(fresh.lockedUntil)) {
                return locked(now, fresh.lockedUntil);
            }
            if (ok) {
                update(c, id, 0, null);
                return new SignedIn(fresh.staff);
            }
            int failures = fresh.failedCount + 1;
            if (failures >= maxFailures) {
                Instant until = now.plus(lockFor);
                update(c, id, 0, until);
                EventLog.append(c, List.of(JobEvent.of(null, now, "staff.locked",
                        "staff " + id + " locked after " + failures + " wrong PINs until " + until)));
                return locked(now, until);
            }
            update(c, id, failures, null);
            return new WrongPin(maxFailures - failures);
        });
    }

    @Override
    public List<Staff> list() {
        return db.read("list staff", c -> {
            List<Staff> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role FROM staff ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(staff(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Staff> find(String id) {
        return db.read("find staff " + id, c -> find(c, id));
    }

    private record Credentials(Staff staff, byte[] salt, int iterations, byte[] hash, int failedCount,
                               Instant lockedUntil) {}

    private static Locked locked(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return new Locked((millis + 999) / 1000);
    }

    private static Optional<Staff> find(java.sql.Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role FROM staff WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(staff(rs)) : Optional.empty();
            }
        }
    }

    private static Credentials credentials(java.sql.Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, pin_salt, pin_iterations, pin_hash,"
                + " failed_count, locked_until FROM staff WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Credentials(staff(rs), rs.getBytes(4), rs.getInt(5), rs.getBytes(6), rs.getInt(7),
                        EventLog.instant(rs, 8));
            }
        }
    }

    private static void update(java.sql.Connection c, String id, int failures, Instant lockedUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff SET failed_count = ?, locked_until = ? WHERE id = ?")) {
            ps.setInt(1, failures);
            ps.setObject(2, EventLog.utc(lockedUntil));
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    private static Staff staff(ResultSet rs) throws SQLException {
        return new Staff(rs.getString("id"), rs.getString("name"), Role.valueOf(rs.getString("role")));
    }
}
