package org.resetdesk.recorder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The admin account and settings of a {@link VirtualRecorder} as other servers of the same device see them (the
 * ISAPI server checks passwords, changes them, toggles overwrite, unbinds Hik-Connect). Takes the recorder's lock;
 * passwords arrive as {@code char[]} the caller wipes, and only salted hashes are kept.
 */
public final class AdminAccount {
    private final VirtualRecorder r;

    AdminAccount(VirtualRecorder r) {
        this.r = r;
    }

    public boolean checkPassword(char[] password) {
        synchronized (r) {
            return r.state.activated && PasswordHashes.matches(password, r.state.passwordHash);
        }
    }

    /**
     * Runs {@code test} on the admin password (what a Digest login needs: the server computes the expected response
     * from it). The password is unsealed into an array that is wiped afterwards.
     */
    public boolean testPassword(java.util.function.Predicate<char[]> test) {
        char[] pw;
        synchronized (r) {
            if (!r.state.activated) {
                return false;
            }
            pw = PasswordSeal.unseal(r.state.serial, r.state.passwordSealed);
        }
        if (pw == null) {
            return false;
        }
        try {
            return test.test(pw);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    /** Sets a new admin password after the vendor rules; empty on success, else the reason (never the password). */
    public Optional<String> changePassword(char[] current, char[] next) {
        synchronized (r) {
            if (!checkPassword(current)) {
                return Optional.of("the current password is wrong");
            }
            Optional<String> risk = DevicePasswordRules.riskReason(next, "admin", r.profile.strictPasswords());
            if (risk.isPresent()) {
                return risk;
            }
            r.setPassword(next);
        }
        r.fire(l -> l.onStateChanged(r));
        return Optional.empty();
    }

    /** HDD overwrite ("loopEnable"), persisted. */
    public void setLoopEnable(boolean on) {
        synchronized (r) {
            r.state.loopEnable = on;
            r.persist();
        }
        r.fire(l -> l.onStateChanged(r));
    }

    /** The reserved e-mail for future self-service resets, persisted. */
    public void setReservedEmail(String address) {
        synchronized (r) {
            r.state.reservedEmail = address;
            r.persist();
        }
        r.fire(l -> l.onStateChanged(r));
    }

    public void setHikConnectBound(boolean bound) {
        synchronized (r) {
            r.state.hikConnectBound = bound;
            r.persist();
        }
        r.fire(l -> l.onStateChanged(r));
    }

    /** The GUID file the customer saved when activating (GUID profiles only). */
    public Optional<byte[]> guidFile() {
        synchronized (r) {
            return r.state.guid == null ? Optional.empty()
                    : Optional.of(r.state.guid.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
