package org.resetdesk.job;

import java.util.List;
import java.util.Optional;

/** Staff accounts. PINs are kept only as salted slow hashes; a run of wrong PINs locks the account for a while. */
public interface StaffDirectory {

    enum Role { STAFF, MANAGER }

    record Staff(String id, String name, Role role) {}

    sealed interface SignIn permits SignedIn, WrongPin, Locked, Unknown {}
    record SignedIn(Staff staff) implements SignIn {}
    record WrongPin(int attemptsLeft) implements SignIn {}
    record Locked(long secondsLeft) implements SignIn {}
    record Unknown() implements SignIn {}

    void add(String id, String name, char[] pin, Role role);

    SignIn signIn(String id, char[] pin);

    List<Staff> list();

    Optional<Staff> find(String id);
}
