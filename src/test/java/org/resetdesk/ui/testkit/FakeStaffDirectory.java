package org.resetdesk.ui.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resetdesk.job.StaffDirectory;

/** Staff in memory: PINs kept as SHA-256 (a test double, not the store's slow hash); 3 wrong PINs lock for 5 min. */
public final class FakeStaffDirectory implements StaffDirectory {
    public static final int MAX_WRONG = 3;
    private final Clock clock;
    private final Map<String, Entry> staff = new LinkedHashMap<>();

    private static final class Entry {
        Staff staff;
        byte[] hash;
        int wrong;
        Instant lockedUntil;
    }

    public FakeStaffDirectory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void add(String id, String name, char[] pin, Role role) {
        Entry e = new Entry();
        e.staff = new Staff(id, name, role);
        e.hash = hash(pin);
        staff.put(id, e);
    }

    @Override
    public synchronized SignIn signIn(String id, char[] pin) {
        Entry e = staff.get(id);
        if (e == null) {
            return new Unknown();
        }
        Instant now = clock.instant();
        if (e.lockedUntil != null && now.isBefore(e.lockedUntil)) {
            return new Locked(Duration.between(now, e.lockedUntil).toSeconds());
        }
        if (MessageDigest.isEqual(e.hash, hash(pin))) {
            e.wrong = 0;
            return new SignedIn(e.staff);
        }
        e.wrong++;
        if (e.wrong >= MAX_WRONG) {
            e.wrong = 0;
            e.lockedUntil = now.plus(Duration.ofMinutes(5));
            return new Locked(300);
        }
        return new WrongPin(MAX_WRONG - e.wrong);
    }

    @Override
    public synchronized List<Staff> list() {
        List<Staff> out = new ArrayList<>();
        staff.values().forEach(e -> out.add(e.staff));
        return out;
    }

    @Override
    public synchronized Optional<Staff> find(String id) {
        return Optional.ofNullable(staff.get(id)).map(e -> e.staff);
    }

    private static byte[] hash(char[] pin) {
        byte[] b = new String(pin).getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }
}
