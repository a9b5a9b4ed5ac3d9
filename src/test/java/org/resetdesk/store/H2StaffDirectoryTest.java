package org.resetdesk.store;

import org.resetdesk.job.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.StaffDirectory.Locked;
import org.resetdesk.job.StaffDirectory.Role;
import org.resetdesk.job.StaffDirectory.SignedIn;
import org.resetdesk.job.StaffDirectory.Staff;
import org.resetdesk.job.StaffDirectory.Unknown;
import org.resetdesk.job.StaffDirectory.WrongPin;
import org.resetdesk.testsupport.SecretScan;

class H2StaffDirectoryTest {
    private static final String PIN = "48150923";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(TestJobs.T0);

    private H2StaffDirectory directory(H2Database db) {
        return new H2StaffDirectory(db, clock, PinHash.MIN_ITERATIONS, 5, Duration.ofMinutes(5));
    }

    @Test
    void fiveWrongPinsLockTheAccountForFiveMinutesEvenAcrossARestart() {
        try (H2Database db = H2Database.open(dir.resolve("kiosk"), H2Database.Options.createIfMissing())) {
            H2StaffDirectory staff = directory(db);
            staff.add("ann", "Ann Smith", PIN.toCharArray(), Role.MANAGER);
            assertThat(staff.signIn("ann", PIN.toCharArray())).isEqualTo(new SignedIn(new Staff("ann", "Ann Smith", Role.MANAGER)));
            for (int left = 4; left >= 2; left--) {
                assertThat(staff.signIn("ann", "0000".toCharArray())).isEqualTo(new WrongPin(left));
            }
        }
        try (H2Database db = H2Database.open(dir.resolve("kiosk"), H2Database.Options.existing())) {
            H2StaffDirectory staff = directory(db);
            assertThat(staff.signIn("ann", "0001".toCharArray())).isEqualTo(new WrongPin(1));
            assertThat(staff.signIn("ann", "0002".toCharArray())).isEqualTo(new Locked(300));
            clock.advance(Duration.ofSeconds(100));
            assertThat(staff.signIn("ann", PIN.toCharArray())).as("the right PIN while locked").isEqualTo(new Locked(200));
            clock.advance(Duration.ofSeconds(200));
            assertThat(staff.signIn("ann", PIN.toCharArray())).isInstanceOf(SignedIn.class);
            assertThat(staff.signIn("ann", "1111".toCharArray())).as("a fresh count after sign-in").isEqualTo(new WrongPin(4));
            assertThat(staff.signIn("nobody", PIN.toCharArray())).isEqualTo(new Unknown());
            var events = db.read("read staff events", c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT type, detail FROM events ORDER BY seq")) {
                    StringBuilder b = new StringBuilder();
                    while (rs.next()) {
                        b.append(rs.getString(1)).append(": ").append(rs.getString(2)).append('\n');
                    }
                    return b.toString();
                }
            });
            assertThat(events).isEqualTo("staff.added: staff ann added as MANAGER\n"
                    + "staff.locked: staff ann locked after 5 wrong PINs until 2026-03-01T09:05:00Z\n");
            assertThat(new AuditChain(db).verify().intact()).isTrue();
        }
        SecretScan.assertAbsent(PIN.toCharArray(), dir);
    }

    @Test
    void refusesBadInputWithClearErrors() {
        try (H2Database db = H2Database.open(dir.resolve("kiosk"), H2Database.Options.createIfMissing())) {
            H2StaffDirectory staff = directory(db);
            staff.add("bo", "Bo", "1234".toCharArray(), Role.STAFF);
            assertThatThrownBy(() -> staff.add("bo", "Bo Again", "5678".toCharArray(), Role.STAFF))
                    .isInstanceOf(StoreException.class).hasMessage("staff id bo already exists");
            assertThatThrownBy(() -> staff.add("cy", "Cy", "12a4".toCharArray(), Role.STAFF))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a PIN is 4 to 12 digits");
            assertThatThrownBy(() -> staff.add("cy", "Cy", "123".toCharArray(), Role.STAFF))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> staff.add("c y", "Cy", "1234".toCharArray(), Role.STAFF))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a staff id is");
            assertThatThrownBy(() -> staff.add("cy", " ", "1234".toCharArray(), Role.STAFF))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new H2StaffDirectory(db, clock, 99_999, 5, Duration.ofMinutes(5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(staff.list()).containsExactly(new Staff("bo", "Bo", Role.STAFF));
            assertThat(staff.find("bo")).contains(new Staff("bo", "Bo", Role.STAFF));
            assertThat(staff.find("zz")).isEmpty();
        }
    }

    @Test
    void pinHashesAreSaltedSoEqualPinsDiffer() {
        PinHash.Hashed a = PinHash.hash("2468".toCharArray(), PinHash.MIN_ITERATIONS);
        PinHash.Hashed b = PinHash.hash("2468".toCharArray(), PinHash.MIN_ITERATIONS);
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash()).hasSize(32);
        assertThat(PinHash.matches("2468".toCharArray(), a.salt(), a.iterations(), a.hash())).isTrue();
        assertThat(PinHash.matches("2469".toCharArray(), a.salt(), a.iterations(), a.hash())).isFalse();
    }
}
