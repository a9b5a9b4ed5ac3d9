package org.resetdesk.job;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The recorder's HTTP API (ISAPI) as aftercare needs it: one instance talks to one recorder for one job.
 *
 * <p>Blocking calls; use cases run them on executors. Every call passes the job's command policy before a byte is
 * sent: a refused call returns {@link Kind#REFUSED} with the {@link Refusal} and sends nothing. An authentication
 * failure is never retried: the first 401 ends the call with what the device said about retries and lock time.
 * Implementations are not required to be thread-safe (one job, one thread at a time).
 */
public interface RecorderApi extends AutoCloseable {

    /** Checks {@code password} with {@code userCheck}; on success the following calls use the same credentials. */
    Result<Login> verify(String user, char[] password);

    Result<Identity> deviceInfo();

    /** Reads the device clock. There is deliberately no way to set it here. */
    Result<DeviceClock> time();

    Result<List<Disk>> disks();

    /** Whether the recorder overwrites the oldest recordings when its disks are full. */
    Result<Boolean> overwrite();

    /** Turns overwriting on (the caller has the customer's recorded consent); the value is the state read back. */
    Result<Boolean> enableOverwrite();

    Result<CloudStatus> cloudStatus();

    /** Unbinds the recorder from the Hik-Connect/EZVIZ account it is bound to, proving the admin password. */
    Result<CloudStatus> unbindCloud(char[] password);

    /** Sets the reserved e-mail address for future self-service resets. */
    Result<Boolean> setReservedEmail(String address);

    /** How the calls travel: scheme and the pinned certificate, known after the first call. */
    Transport transport();

    /** Wipes the credentials and releases the connections. */
    @Override
    void close();

    /** Typed outcome of one call; the device's own words are kept in {@code detail}. */
    enum Kind {
        OK,
        /** ResponseStatus 2. */
        BUSY,
        /** ResponseStatus 3. */
        DEVICE_ERROR,
        /** ResponseStatus 4 (invalidOperation, notSupport) or HTTP 404/405/501. */
        INVALID_OPERATION,
        /** ResponseStatus 6. */
        INVALID_CONTENT,
        /** ResponseStatus 7: the change is stored but needs a restart. Shown to staff, never acted on. */
        REBOOT_REQUIRED,
        /** HTTP 401 with a wrong password; {@code retriesLeft} says how many tries the device still allows. */
        UNAUTHORIZED,
        /** HTTP 401 (or 403) while the account or kiosk address is locked; {@code unlockSeconds} says how long. */
        LOCKED,
        /** The device does not offer the function. */
        NOT_SUPPORTED,
        /** The command policy refused the call; nothing was sent. */
        REFUSED,
        /** No connection, timeout, reset. */
        UNREACHABLE,
        /** The device only offers an authentication the kiosk will not use (Basic over plain HTTP). */
        INSECURE,
        /** The device presented a different TLS certificate from the one pinned for this job. */
        CERTIFICATE_CHANGED,
        /** A body that is not the XML expected (too large, malformed, DTD). */
        BAD_RESPONSE
    }

    record Outcome(Kind kind, int httpStatus, Integer statusCode, String subStatusCode, String detail,
                   Integer retriesLeft, Integer unlockSeconds) {
        public static Outcome ok() {
            return new Outcome(Kind.OK, 200, 1, "ok", "OK", null, null);
        }

        public static Outcome of(Kind kind, int httpStatus, String detail) {
            return new Outcome(kind, httpStatus, null, null, detail, null, null);
        }

        /** OK, or stored with "reboot required" (the change is there; the restart is the operator's decision). */
        public boolean accepted() {
            return kind == Kind.OK || kind == Kind.REBOOT_REQUIRED;
        }

        /** One line for staff and the job log (never contains a password). */
        public String plain() {
            StringBuilder s = new StringBuilder(kind.name());
            if (statusCode != null) {
                s.append(" (statusCode ").append(statusCode);
                if (subStatusCode != null) {
                    s.append(", ").append(subStatusCode);
                }
                s.append(')');
            }
            if (detail != null && !detail.isBlank()) {
                s.append(": ").append(detail);
            }
            if (retriesLeft != null) {
                s.append("; retries left ").append(retriesLeft);
            }
            if (unlockSeconds != null && unlockSeconds > 0) {
                s.append("; locked for ").append(unlockSeconds).append(" s");
            }
            return s.toString();
        }
    }

    /** A value (null unless the outcome is accepted), the outcome, and the policy's refusal when refused. */
    record Result<T>(T value, Outcome outcome, Refusal refusal) {
        public static <T> Result<T> ok(T value) {
            return new Result<>(value, Outcome.ok(), null);
        }

        public static <T> Result<T> ok(T value, Outcome outcome) {
            return new Result<>(value, outcome, null);
        }

        public static <T> Result<T> failed(Outcome outcome) {
            return new Result<>(null, outcome, null);
        }

        public static <T> Result<T> refused(Refusal refusal) {
            return new Result<>(null, Outcome.of(Kind.REFUSED, 0, refusal.text()), refusal);
        }

        public boolean accepted() {
            return outcome.accepted();
        }

        public Kind kind() {
            return outcome.kind();
        }
    }

    /** userCheck said yes; newer firmware adds whether the password is "risky" and whether the device is active. */
    record Login(Boolean riskPassword, Boolean activated) {}

    /** {@code GET /ISAPI/System/deviceInfo}. */
    record Identity(String deviceName, String model, String serial, String mac, String firmware,
                    String firmwareBuild, String deviceType) {}

    /** {@code GET /ISAPI/System/time}: the text as sent, and parsed when it parses. */
    record DeviceClock(String localTimeText, OffsetDateTime localTime, String timeMode, String timeZone) {}

    /** One disk; capacity and free space in MiB as devices report them. */
    record Disk(String id, String name, String type, String status, long capacityMiB, long freeMiB,
                String property) {
        public boolean healthy() {
            return "ok".equalsIgnoreCase(status);
        }

        public boolean full() {
            return capacityMiB > 0 && freeMiB == 0;
        }
    }

    enum Binding { BOUND, UNBOUND, UNKNOWN }

    /** Hik-Connect/EZVIZ: enabled, registered with the cloud, bound to an account. */
    record CloudStatus(Boolean enabled, Boolean registered, Binding binding, boolean unbindSupported) {}

    /** {@code scheme} is http or https; {@code certificateSha256} is the pinned leaf certificate (https only). */
    record Transport(String scheme, String certificateSha256, boolean pinnedNow) {}
}
