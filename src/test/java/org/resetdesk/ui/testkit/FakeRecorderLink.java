package org.resetdesk.ui.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.Macs;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.ResetMethod;

/**
 * One simulated recorder behind the kiosk's dedicated port, in memory: it holds the exported challenge only while
 * powered and not restarted, accepts the matching 8-character key, counts wrong keys (3 → locked 30 min).
 */
public final class FakeRecorderLink implements RecorderLink {
    public static final String SERIAL = "DS-7608NI-K20820230412CCWRJ12345678";
    public static final String MAC = "44-19-b6-12-34-56";
    public static final int MAX_WRONG = 3;
    private static final DateTimeFormatter BOOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Clock clock;
    private final Random random = new Random(42);
    private final List<Consumer<DeviceInfo>> hello = new CopyOnWriteArrayList<>();
    private String model = "DS-7608NI-K2";
    private String firmware = "V4.62.210 build 230302";
    private boolean activated = true;
    private boolean powered = true;
    private String ip = "192.168.1.64";
    private String bootTime;
    private String challenge;
    private String expectedKey;
    private int wrong;
    private Instant lockedUntil;
    private int ipSuffix = 64;

    /** The masked reserved address the fake names for GetQRcodes. */
    public static final String MAILBOX = "j***@example.com";
    /** Whether the last reset went out as MailReset (a reserved-e-mail code). */
    public volatile boolean lastResetByMail;

    public FakeRecorderLink(Clock clock) {
        this.clock = clock;
        this.bootTime = BOOT.format(LocalDateTime.now().minusHours(3).withNano(0));
    }

    public synchronized FakeRecorderLink firmware(String model, String fw, boolean isActivated) {
        this.model = model;
        this.firmware = fw;
        this.activated = isActivated;
        return this;
    }

    public synchronized DeviceInfo info() {
        return new DeviceInfo(model, SERIAL, MAC, ip, "255.255.255.0", "192.168.1.1", firmware, bootTime, activated,
                Set.of(ResetMethod.ENCRYPTED_STRING, ResetMethod.GUID_FILE, ResetMethod.SECURITY_QUESTIONS,
                        ResetMethod.RESERVED_EMAIL),
                true, true, false, 48);
    }

    @Override
    public PortIdentity port() {
        return new PortIdentity("rd-test0", "192.168.1.2");
    }

    @Override
    public List<DeviceInfo> discover(Duration timeout, Consumer<DeviceInfo> onEachFound) {
        List<DeviceInfo> out = new ArrayList<>();
        synchronized (this) {
            if (!powered) {
                return out;
            }
            out.add(info());
        }
        out.forEach(onEachFound);
        return out;
    }

    @Override
    public synchronized Optional<DeviceInfo> poll(String mac, Duration timeout) {
        return powered && Macs.normalise(mac).equals(Macs.normalise(MAC)) ? Optional.of(info()) : Optional.empty();
    }

    @Override
    public synchronized ExportResult export(String mac, ResetMethod method) {
        if (!powered) {
            return new ExportResult(DeviceOutcome.of(DeviceOutcome.Kind.TIMEOUT), null);
        }
        byte[] raw = new byte[48];
        random.nextBytes(raw);
        challenge = "AwAAA" + Base64.getEncoder().encodeToString(raw);
        expectedKey = keyFor(challenge);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ResetRequest><DeviceSN>" + SERIAL
                + "</DeviceSN><Code>" + challenge + "</Code></ResetRequest>\n";
        boolean qr = method == ResetMethod.RESERVED_EMAIL;
        return new ExportResult(DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS),
                (qr ? challenge : xml).getBytes(StandardCharsets.UTF_8), qr ? MAILBOX : null);
    }

    @Override
    public synchronized DeviceOutcome reset(String mac, ResetReply reply, char[] pw, boolean sync, boolean enc) {
        lastResetByMail = reply.mailCode();
        if (!powered) {
            return DeviceOutcome.of(DeviceOutcome.Kind.TIMEOUT);
        }
        Instant now = clock.instant();
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new DeviceOutcome(DeviceOutcome.Kind.LOCKED, 0,
                    (int) Duration.between(now, lockedUntil).toMinutes() + 1, "locked");
        }
        if (challenge == null) {
            return DeviceOutcome.of(DeviceOutcome.Kind.EMPTY_ENCRYPT_STRING);
        }
        String code = reply.code().trim();
        if (code.equals(expectedKey) || code.equals(replyFileFor(challenge).trim())) {
            challenge = null;
            wrong = 0;
            return DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS);
        }
        wrong++;
        if (wrong >= MAX_WRONG) {
            lockedUntil = now.plus(Duration.ofMinutes(30));
            return new DeviceOutcome(DeviceOutcome.Kind.LOCKED, 0, 30, "locked");
        }
        return new DeviceOutcome(DeviceOutcome.Kind.CODE_ERROR, MAX_WRONG - wrong, null, "codeError");
    }

    @Override
    public synchronized DeviceOutcome activate(String mac, char[] password) {
        activated = true;
        return DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS);
    }

    @Override
    public void onAnnouncement(Consumer<DeviceInfo> listener) {
        hello.add(listener);
    }

    /** What support answers: the key for the current challenge (null when there is none). */
    public synchronized String supportKey() {
        return expectedKey;
    }

    public synchronized String supportReplyFile() {
        return challenge == null ? null : replyFileFor(challenge);
    }

    public void reboot() {
        DeviceInfo d;
        synchronized (this) {
            challenge = null;
            bootTime = BOOT.format(LocalDateTime.now().withNano(0).plusSeconds(1));
            powered = true;
            d = info();
        }
        hello.forEach(h -> h.accept(d));
    }

    public synchronized void powerCut() {
        powered = false;
        challenge = null;
    }

    public void powerOn() {
        reboot();
    }

    public synchronized void changeIp() {
        ipSuffix++;
        ip = "192.168.1." + ipSuffix;
    }

    private static String keyFor(String challenge) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(challenge.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(alphabet.charAt((h[i] & 0xff) % alphabet.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replyFileFor(String challenge) {
        return "<?xml version=\"1.0\"?><ResetReply><Code>R" + keyFor(challenge) + challenge.substring(5, 20)
                + "</Code></ResetReply>";
    }
}
