package org.resetdesk.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The recorder over SADP on the kiosk's dedicated port. Blocking calls: use cases run them on executors. Every
 * method that sends a command to a device has already passed the command policy when it is called.
 */
public interface RecorderLink {

    /** The dedicated port this link sends on: interface name and its IPv4 address (for the same-network guard). */
    PortIdentity port();

    /** Probes and reports each device as its reply is parsed; returns all found when {@code timeout} has passed. */
    List<DeviceInfo> discover(Duration timeout, Consumer<DeviceInfo> onEachFound);

    /** One inquiry for the device with this MAC; empty when it did not answer within {@code timeout}. */
    Optional<DeviceInfo> poll(String mac, Duration timeout);

    /**
     * Asks the device for a reset request (getencryptstring / getcode / GetQRcodes for the reserved e-mail). The bytes
     * are exactly what it sent.
     */
    ExportResult export(String mac, ResetMethod method);

    /**
     * Sends the support reply (file bytes or 8-character key; a reserved-e-mail code with {@code MailReset}) with the
     * new password. Never retried.
     */
    DeviceOutcome reset(String mac, ResetReply reply, char[] newPassword, boolean syncCameras, boolean codeEncrypt);

    /** Activates an inactive device with its first password. */
    DeviceOutcome activate(String mac, char[] password);

    /**
     * A reset that needs no support round trip (GUID file, security answers, legacy security code). Sent once. Links
     * that cannot do it answer REFUSED.
     */
    default DeviceOutcome resetDirect(String mac, DirectProof proof, char[] newPassword, boolean syncCameras) {
        return new DeviceOutcome(DeviceOutcome.Kind.REFUSED, null, null, proof.method() + " is not supported here");
    }

    /** The IDs of the security questions the customer set (empty when none or unsupported). */
    default java.util.List<String> securityQuestions(String mac) {
        return java.util.List.of();
    }

    /**
     * Exports a fresh GUID file ({@code ExportGUID}) proving the CURRENT admin password, for the customer to keep.
     * Sent once, never retried: a wrong password counts against the device's lockout. The password stays the
     * caller's (the link keeps no copy; the caller wipes it). Links that cannot do it answer REFUSED.
     */
    default GuidExport exportGuid(String mac, char[] currentPassword) {
        return new GuidExport(new DeviceOutcome(DeviceOutcome.Kind.REFUSED, null, null,
                "GUID export is not supported here"), null);
    }

    /** Registers a listener for Hello announcements (a device that has just booted). */
    void onAnnouncement(Consumer<DeviceInfo> listener);

    record PortIdentity(String name, String address) {}

    /**
     * What an export returned: the request bytes, and for the reserved e-mail the (masked) address the verification
     * code will be sent to, as the device reported it (null when it named none).
     */
    record ExportResult(DeviceOutcome outcome, byte[] request, String codeSentTo) {
        public ExportResult(DeviceOutcome outcome, byte[] request) {
            this(outcome, request, null);
        }
    }

    /**
     * What {@code ExportGUID} returned: the GUID file's bytes (only on success; a secret credential, never logged or
     * stored by the kiosk), and the device's answer with retries left or lock minutes otherwise.
     */
    record GuidExport(DeviceOutcome outcome, byte[] guidFile) {}

    /**
     * What came back: a file's bytes (sent unchanged), or a typed key; and whether it is the verification code
     * from the customer's reserved mailbox ({@code mailCode}: sent with {@code MailReset}, not {@code reset}).
     */
    record ResetReply(byte[] fileBytes, String key, boolean mailCode) {
        public static ResetReply file(byte[] bytes) {
            return new ResetReply(bytes, null, false);
        }

        public static ResetReply key(String key) {
            return new ResetReply(null, key, false);
        }

        /** The same reply, to be sent as a reserved-e-mail code. */
        public ResetReply asMailCode() {
            return new ResetReply(fileBytes, key, true);
        }

        /** The {@code Code} content to send: the file bytes as the device gave them, or the key. */
        public String code() {
            return fileBytes != null ? new String(fileBytes, java.nio.charset.StandardCharsets.UTF_8) : key;
        }
    }
}
