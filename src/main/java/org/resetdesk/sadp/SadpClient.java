package org.resetdesk.sadp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.resetdesk.job.DeviceCommand;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.DirectProof;
import org.resetdesk.job.Macs;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.ResetMethod;

/**
 * SADP on the kiosk's ONE dedicated network interface (the {@link RecorderLink} adapter). Probes go to
 * 239.255.255.250 and the interface's directed broadcast; each command goes once to the group, and its reply is the
 * first {@code ProbeMatch} that echoes the command's Uuid (and, when it carries one, the device's MAC). A reset is
 * never re-sent. Each reset and activation is preceded by a fresh {@code exchangecode} (RSA-1024), whose random
 * encrypts the new password. Devices are reported as their replies arrive; Hello announcements go to
 * {@link #onAnnouncement} listeners (on the receive thread: hand work off quickly).
 *
 * <p>The client refuses, by construction, to send any message of a class the command policy forbids during an open
 * job (reboot, restore, re-address, re-time, upgrade): it has no such operation and {@link #request} checks the class.
 * Blocking methods are safe to call from several threads. {@link #close} stops the receive thread.
 */
public final class SadpClient implements RecorderLink, AutoCloseable {
    public static final int DEFAULT_PORT = 37020;
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final SadpTransport transport;
    private final Duration commandTimeout;
    private final List<Consumer<DeviceInfo>> announcementListeners = new CopyOnWriteArrayList<>();

    /** A device as discovered: its description and the milliseconds from sending the probe to its reply. */
    public record Found(ProbeMatch device, long elapsedMs, SocketAddress from) {}

    /** Opens SADP on {@code interfaceName} (port 37020, 10 s command timeout). */
    public SadpClient(String interfaceName) throws IOException {
        this(interfaceName, DEFAULT_PORT, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * @param port the SADP port (37020; tests on loopback pass a unique one)
     * @throws IOException naming the interface when it is missing, down, has no IPv4 address, or the sockets fail
     */
    public SadpClient(String interfaceName, int port, Duration commandTimeout) throws IOException {
        this.transport = new SadpTransport(interfaceName, port);
        this.commandTimeout = commandTimeout;
        transport.addSink((doc, at, from) -> {
            if ("Hello".equalsIgnoreCase(doc.root())) {
                ProbeMatch pm = ProbeMatch.from(doc);
                if (pm.describesDevice()) {
                    announcementListeners.forEach(l -> l.accept(pm.toDeviceInfo()));
                }
            }
        });
    }

    @Override
    public PortIdentity port() {
        return new PortIdentity(transport.interfaceName(), transport.address().getHostAddress());
    }

    @Override
    public List<DeviceInfo> discover(Duration timeout, Consumer<DeviceInfo> onEachFound) {
        List<DeviceInfo> out = new ArrayList<>();
        discoverEach(timeout, f -> {
            DeviceInfo d = f.device().toDeviceInfo();
            synchronized (out) {
                out.add(d);
            }
            onEachFound.accept(d);
            return true;
        });
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /**
     * Sends one inquiry and reports each device (folded by MAC, else serial) as its reply is parsed, on the receive
     * thread. Returns when {@code timeout} has passed or {@code onFound} returns false (stop early).
     */
    public List<Found> discoverEach(Duration timeout, Predicate<Found> onFound) {
        String uuid = newUuid();
        Map<String, Found> seen = new ConcurrentHashMap<>();
        List<Found> order = new CopyOnWriteArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        final long sentAt = System.nanoTime();
        SadpTransport.Sink sink = (doc, at, from) -> {
            if (!isReplyTo(doc, uuid) || stop.getCount() == 0) {
                return;
            }
            ProbeMatch pm = ProbeMatch.from(doc);
            if (!pm.describesDevice()) {
                return;
            }
            String key = pm.mac() != null ? pm.mac() : pm.serial() + "@" + pm.ipv4();
            Found f = new Found(pm, Math.max(0, (at - sentAt) / 1_000_000), from);
            if (seen.putIfAbsent(key, f) == null) {
                order.add(f);
                if (!onFound.test(f)) {
                    stop.countDown();
                }
            }
        };
        transport.addSink(sink);
        try {
            transport.sendProbe(SadpRequests.inquiry(uuid));
            stop.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.removeSink(sink);
        }
        return List.copyOf(order);
    }

    @Override
    public Optional<DeviceInfo> poll(String mac, Duration timeout) {
        return find(mac, timeout).map(ProbeMatch::toDeviceInfo);
    }

    /** One inquiry; the first reply from the device with this MAC. */
    public Optional<ProbeMatch> find(String mac, Duration timeout) {
        String want = Macs.normalise(mac);
        AtomicReference<ProbeMatch> hit = new AtomicReference<>();
        discoverEach(timeout, f -> {
            if (want.equals(f.device().mac())) {
                hit.set(f.device());
                return false;
            }
            return true;
        });
        return Optional.ofNullable(hit.get());
    }

    @Override
    public ExportResult export(String deviceMac, ResetMethod method) {
        String mac = Macs.normalise(deviceMac);
        String types;
        String element;
        if (method == ResetMethod.ENCRYPTED_STRING) {
            types = "getencryptstring";
            element = "EncryptString";
        } else if (method == ResetMethod.DEVICE_CODE) {
            types = "getcode";
            element = "Code";
        } else if (method == ResetMethod.RESERVED_EMAIL) {
            types = "GetQRcodes"; // the QR code the customer scans or mails; the code comes to the reserved mailbox
            element = "QRcodes";
        } else {
            throw new IllegalArgumentException(method + " has no export");
        }
        Optional<SadpDocument> reply = request(mac, types, uuid -> SadpRequests.generic(uuid, mac, types));
        if (reply.isEmpty()) {
            return new ExportResult(SadpOutcomes.timeout(), null);
        }
        DeviceOutcome outcome = SadpOutcomes.of(reply.get());
        String value = reply.get().rawText(element);
        if (outcome.isSuccess() && (value == null || value.isEmpty())) {
            return new ExportResult(new DeviceOutcome(DeviceOutcome.Kind.OTHER, null, null,
                    "success without " + element), null);
        }
        return new ExportResult(outcome, outcome.isSuccess() ? value.getBytes(StandardCharsets.UTF_8) : null,
                method == ResetMethod.RESERVED_EMAIL ? reply.get().get("MailBox") : null);
    }

    @Override
    public DeviceOutcome reset(String deviceMac, ResetReply reply, char[] newPassword, boolean syncCameras,
                               boolean codeEncrypt) {
        String mac = Macs.normalise(deviceMac);
        return withExchange(mac, random -> {
            String pw = SadpCrypto.encryptWithRandom(random, newPassword);
            String code = reply.code();
            if (codeEncrypt) {
                char[] c = code.toCharArray();
                code = SadpCrypto.encryptWithRandom(random, c);
                java.util.Arrays.fill(c, '\0');
            }
            String finalCode = code;
            if (reply.mailCode()) {
                return request(mac, "MailReset", uuid -> SadpRequests.mailReset(uuid, mac, pw, syncCameras,
                        finalCode, codeEncrypt));
            }
            return request(mac, "reset", uuid -> SadpRequests.reset(uuid, mac, pw, syncCameras, finalCode,
                    codeEncrypt));
        });
    }

    @Override
    public DeviceOutcome activate(String deviceMac, char[] password) {
        String mac = Macs.normalise(deviceMac);
        return withExchange(mac, random -> request(mac, "activate",
                uuid -> SadpRequests.activate(uuid, mac, SadpCrypto.encryptWithRandom(random, password))));
    }

    @Override
    public DeviceOutcome resetDirect(String deviceMac, DirectProof proof, char[] newPassword, boolean syncCameras) {
        String mac = Macs.normalise(deviceMac);
        return switch (proof.method()) {
            case LEGACY_SECURITY_CODE -> legacyReset(mac, proof.legacyCode());
            case GUID_FILE -> withExchange(mac, random -> {
                String guid = new String(proof.guidFile(), StandardCharsets.US_ASCII).trim();
                String pw = SadpCrypto.encryptWithRandom(random, newPassword);
                return request(mac, "GUIDReset", uuid -> SadpRequests.guidReset(uuid, mac, syncCameras, guid, pw));
            });
            case SECURITY_QUESTIONS -> withExchange(mac, random -> {
                List<SadpRequests.Answer> enc = new java.util.ArrayList<>();
                for (DirectProof.Answer a : proof.answers()) {
                    enc.add(new SadpRequests.Answer(a.questionId(), SadpCrypto.encryptWithRandom(random, a.answer())));
                }
                String pw = SadpCrypto.encryptWithRandom(random, newPassword);
                return request(mac, "AnswerReset", uuid -> SadpRequests.answerReset(uuid, mac, syncCameras, enc, pw));
            });
            default -> new DeviceOutcome(DeviceOutcome.Kind.REFUSED, null, null,
                    proof.method() + " needs an export and a reply");
        };
    }

    @Override
    public List<String> securityQuestions(String deviceMac) {
        String mac = Macs.normalise(deviceMac);
        return request(mac, "getsecurityquestion", uuid -> SadpRequests.getSecurityQuestion(uuid, mac))
                .map(d -> d.all("ID")).orElse(List.of());
    }

    /**
     * {@code ExportGUID} after a fresh {@code exchangecode}: the current admin password encrypted with the exchange
     * random (sadp-protocol.md §5.4, §6.2). Sent once; the GUID text is returned as the file's bytes (US-ASCII, as
     * {@code GUIDReset} takes it back). The caller's password array is left to the caller to wipe.
     */
    @Override
    public GuidExport exportGuid(String deviceMac, char[] currentPassword) {
        String mac = Macs.normalise(deviceMac);
        SadpExchange ex = exchange(mac);
        if (ex.random() == null) {
            return new GuidExport(ex.outcome(), null);
        }
        String pw = SadpCrypto.encryptWithRandom(ex.random(), currentPassword);
        Optional<SadpDocument> reply = request(mac, "ExportGUID", uuid -> SadpRequests.exportGuid(uuid, mac, pw));
        if (reply.isEmpty()) {
            return new GuidExport(SadpOutcomes.timeout(), null);
        }
        DeviceOutcome outcome = SadpOutcomes.of(reply.get());
        String guid = reply.get().get("GUID");
        if (!outcome.isSuccess()) {
            return new GuidExport(outcome, null);
        }
        if (guid == null || guid.isBlank()) {
            return new GuidExport(new DeviceOutcome(DeviceOutcome.Kind.OTHER, null, null, "success without GUID"),
                    null);
        }
        return new GuidExport(outcome, guid.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** Legacy firmware: {@code reset} with the security code only (no exchange; the password becomes the default). */
    public DeviceOutcome legacyReset(String deviceMac, String securityCode) {
        String mac = Macs.normalise(deviceMac);
        return request(mac, "reset", uuid -> SadpRequests.legacyReset(uuid, mac, securityCode))
                .map(SadpOutcomes::of).orElseGet(SadpOutcomes::timeout);
    }

    @Override
    public void onAnnouncement(Consumer<DeviceInfo> listener) {
        announcementListeners.add(listener);
    }

    /**
     * Runs an {@code exchangecode} with a fresh RSA-1024 key pair and returns the device's random, or the failure.
     * The random is a secret: callers use it for one command and drop it.
     */
    public SadpExchange exchange(String deviceMac) {
        return SadpExchange.perform(this, Macs.normalise(deviceMac));
    }

    private DeviceOutcome withExchange(String mac, Function<String, Optional<SadpDocument>> command) {
        SadpExchange ex = exchange(mac);
        if (ex.random() == null) {
            return ex.outcome();
        }
        return command.apply(ex.random()).map(SadpOutcomes::of).orElseGet(SadpOutcomes::timeout);
    }

    /**
     * Sends one command (built by {@code build} from a fresh Uuid) to the group, once, and waits up to the command
     * timeout for the matching reply. Refuses message types of a class the policy never allows from this client.
     */
    public Optional<SadpDocument> request(String mac, String types, Function<String, byte[]> build) {
        if (DeviceCommand.sadp(types).commandClass().forbiddenDuringOpenJob()) {
            throw new IllegalArgumentException("SadpClient never sends " + types);
        }
        String uuid = newUuid();
        String wantMac = Macs.normalise(mac);
        AtomicReference<SadpDocument> hit = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        SadpTransport.Sink sink = (doc, at, from) -> {
            if (!isReplyTo(doc, uuid)) {
                return;
            }
            String t = doc.types();
            String m = doc.get("MAC");
            if (t != null && !t.equalsIgnoreCase(types) || m != null && !sameMac(m, wantMac)) {
                return;
            }
            if (hit.compareAndSet(null, doc)) {
                done.countDown();
            }
        };
        transport.addSink(sink);
        try {
            transport.sendToGroup(build.apply(uuid));
            done.await(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.removeSink(sink);
        }
        return Optional.ofNullable(hit.get());
    }

    private static boolean isReplyTo(SadpDocument doc, String uuid) {
        return "ProbeMatch".equalsIgnoreCase(doc.root()) && uuid.equalsIgnoreCase(doc.get("Uuid"));
    }

    private static boolean sameMac(String sent, String want) {
        try {
            return Macs.normalise(sent).equals(want);
        } catch (IllegalArgumentException e) {
            return sent.trim().toLowerCase(Locale.ROOT).equals(want);
        }
    }

    private static String newUuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() {
        transport.close();
    }
}
