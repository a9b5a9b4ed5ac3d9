package org.resetdesk.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory recorder behind the RecorderLink port, for pure unit tests of the use cases and guards. It keeps a
 * challenge, answers resets by comparing the reply with it, and records every command it was asked to send.
 */
public final class FakeRecorderLink implements RecorderLink {
    public volatile DeviceInfo device;
    public volatile boolean answering = true;
    public volatile String challenge;
    public volatile int retries = 5;
    public volatile PortIdentity port = new PortIdentity("eth1", "10.99.0.1");
    /** The masked reserved address GetQRcodes names; null: none set on the device. */
    public volatile String mailbox = "o***@example.net";
    public final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<Consumer<DeviceInfo>> listeners = new CopyOnWriteArrayList<>();
    private int exports;

    public FakeRecorderLink(DeviceInfo device) {
        this.device = device;
    }

    public static DeviceInfo nvr(String bootTime) {
        return nvr(bootTime, Set.of(ResetMethod.ENCRYPTED_STRING, ResetMethod.GUID_FILE));
    }

    public static DeviceInfo nvr(String bootTime, Set<ResetMethod> methods) {
        return new DeviceInfo("DS-7608NI-K2", "DS-7608NI-K20820190101CCRRD12345678WCVU", "c0-56-e3-fe-42-92",
                "192.168.1.64", "255.255.255.0", "192.168.1.1", "V4.30.085 build 200916", bootTime, true,
                methods, true, true, false, 48);
    }

    public void reboot(String newBootTime) {
        device = withBoot(newBootTime);
        challenge = null;
        listeners.forEach(l -> l.accept(device));
    }

    public void setIp(String ip) {
        DeviceInfo d = device;
        device = new DeviceInfo(d.model(), d.serial(), d.mac(), ip, d.subnetMask(), d.gateway(), d.firmware(),
                d.bootTime(), d.activated(), d.resetMethods(), d.syncIpcPassword(), d.hikConnectEnabled(),
                d.codeEncrypt(), d.validityHours());
    }

    private DeviceInfo withBoot(String boot) {
        DeviceInfo d = device;
        return new DeviceInfo(d.model(), d.serial(), d.mac(), d.ipv4(), d.subnetMask(), d.gateway(), d.firmware(),
                boot, d.activated(), d.resetMethods(), d.syncIpcPassword(), d.hikConnectEnabled(), d.codeEncrypt(),
                d.validityHours());
    }

    /** What support would answer for the current challenge. */
    public String goodKey() {
        return "K" + challenge.substring(0, 7);
    }

    @Override
    public PortIdentity port() {
        return port;
    }

    @Override
    public List<DeviceInfo> discover(Duration timeout, Consumer<DeviceInfo> onEachFound) {
        sent.add("inquiry");
        if (!answering) {
            return List.of();
        }
        onEachFound.accept(device);
        return new ArrayList<>(List.of(device));
    }

    @Override
    public Optional<DeviceInfo> poll(String mac, Duration timeout) {
        sent.add("inquiry");
        return answering ? Optional.of(device) : Optional.empty();
    }

    @Override
    public ExportResult export(String mac, ResetMethod method) {
        boolean qr = method == ResetMethod.RESERVED_EMAIL;
        sent.add(qr ? "GetQRcodes" : "getencryptstring");
        exports++;
        challenge = String.format("CH%06d", exports) + Long.toHexString(System.nanoTime());
        byte[] text = ("<EncryptString>" + challenge + "</EncryptString>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a device's QRcodes value is base64 of the QR's content
        return new ExportResult(DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS),
                qr ? java.util.Base64.getEncoder().encode(text) : text, qr ? mailbox : null);
    }

    @Override
    public DeviceOutcome reset(String mac, ResetReply reply, char[] newPassword, boolean syncCameras,
                               boolean codeEncrypt) {
        sent.add(reply.mailCode() ? "MailReset" : "reset");
        if (challenge == null) {
            return DeviceOutcome.of(DeviceOutcome.Kind.EMPTY_ENCRYPT_STRING);
        }
        if (retries <= 0) {
            return new DeviceOutcome(DeviceOutcome.Kind.LOCKED, 0, 30, "locked");
        }
        if (!goodKey().equals(reply.code())) {
            retries--;
            return retries == 0 ? new DeviceOutcome(DeviceOutcome.Kind.LOCKED, 0, 30, "locked")
                    : new DeviceOutcome(DeviceOutcome.Kind.CODE_ERROR, retries, null, "codeError");
        }
        challenge = null;
        return DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS);
    }

    public volatile String guid = "GUID-0001";

    @Override
    public DeviceOutcome resetDirect(String mac, DirectProof proof, char[] newPassword, boolean syncCameras) {
        sent.add("GUIDReset");
        if (proof.method() != ResetMethod.GUID_FILE) {
            return DeviceOutcome.of(DeviceOutcome.Kind.REFUSED);
        }
        boolean ok = guid.equals(new String(proof.guidFile(), java.nio.charset.StandardCharsets.US_ASCII).trim());
        return ok ? DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS)
                : new DeviceOutcome(DeviceOutcome.Kind.INVALID_GUID, 4, null, "invalidGUID");
    }

    @Override
    public DeviceOutcome activate(String mac, char[] password) {
        sent.add("activate");
        return DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS);
    }

    @Override
    public void onAnnouncement(Consumer<DeviceInfo> listener) {
        listeners.add(listener);
    }
}
