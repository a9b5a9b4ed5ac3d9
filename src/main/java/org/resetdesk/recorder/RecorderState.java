package org.resetdesk.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * What a recorder keeps across reboots (its flash): identity, addressing, the admin password as a salted hash,
 * GUID, security questions (hashed answers), reserved e-mail, Hik-Connect binding, storage settings and its own
 * clock offset. Saved as {@code recorder.properties} under the state directory, replaced atomically. Not
 * thread-safe: {@link VirtualRecorder} guards it.
 */
public final class RecorderState {
    public static final String FILE_NAME = "recorder.properties";
    /** The answers of the training recorder's three security questions (IDs 2, 5, 7), in that order. */
    public static final List<String> TRAINING_ANSWERS = List.of("rex", "lisbon", "blue");
    public static final int[] TRAINING_QUESTION_IDS = {2, 5, 7};
    public static final String TRAINING_MAILBOX = "owner@example.net";
    private static final String[] HIK_OUIS = {"c0-56-e3", "58-50-ed", "68-6d-bc", "44-19-b6", "bc-ad-28"};

    Profile profile;
    String serial;
    String mac;
    String ipv4;
    int prefix;
    String gateway;
    boolean activated;
    String passwordHash;
    /** The same password sealed reversibly (Digest logins need it), see PasswordSeal. */
    String passwordSealed;
    Instant passwordChangedAt;
    String userSalt;
    String guid;
    boolean guidExported;
    final List<Question> questions = new ArrayList<>();
    String reservedEmail;
    boolean hcPlatformEnable;
    boolean hikConnectBound;
    boolean loopEnable;
    int disks;
    long clockOffsetMs;
    Instant ipcPasswordsSyncedAt;

    /** One security question: its ID and the salted hash of the (trimmed, lower-case) answer. */
    record Question(int id, String answerHash) {}

    private RecorderState() {}

    /** A factory-fresh device of this profile with a random serial and MAC, and an unknown admin password. */
    public static RecorderState fresh(Profile profile, SecureRandom random) {
        RecorderState s = new RecorderState();
        s.profile = profile;
        s.serial = newSerial(profile, random);
        s.mac = HIK_OUIS[random.nextInt(HIK_OUIS.length)]
                + String.format("-%02x-%02x-%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
        s.ipv4 = "192.168.1.64";
        s.prefix = 24;
        s.gateway = "192.168.1.1";
        s.activated = !profile.startsInactive();
        s.userSalt = hex(random, 32);
        s.disks = profile.defaultDisks();
        if (s.activated) {
            char[] unknown = hex(random, 12).toCharArray();
            s.passwordHash = PasswordHashes.hash(unknown);
            s.passwordSealed = PasswordSeal.seal(s.serial, unknown);
        }
        if (profile.legacy()) {
            s.passwordHash = PasswordHashes.hash("12345".toCharArray());
            s.passwordSealed = PasswordSeal.seal(s.serial, "12345".toCharArray());
        }
        if (profile.guid()) {
            s.guid = hex(random, 16).toUpperCase(java.util.Locale.ROOT);
            s.guidExported = true;
        }
        if (profile.questions()) {
            for (int i = 0; i < TRAINING_QUESTION_IDS.length; i++) {
                s.questions.add(new Question(TRAINING_QUESTION_IDS[i],
                        PasswordHashes.hash(TRAINING_ANSWERS.get(i).toCharArray())));
            }
        }
        if (profile.mail()) {
            s.reservedEmail = TRAINING_MAILBOX;
        }
        s.hcPlatformEnable = profile.hikConnect() && profile != Profile.CAMERA;
        s.hikConnectBound = profile.has(Profile.Caps.HC_BOUND);
        return s;
    }

    /**
     * Serial layout per recorder-console-and-isapi.md A7: model, [2-digit channels on DVRs], production date, grade
     * and region letters, a 9-character serial, [feature suffix WCVU on DVRs].
     */
    static String newSerial(Profile profile, SecureRandom random) {
        String digits = String.format("%08d", random.nextInt(100_000_000));
        return switch (profile) {
            case NVR -> profile.model() + "20230817CCWRJ" + digits;
            case DVR -> profile.model() + String.format("%02d", profile.analogChannels()) + "20220311AAWRG" + digits
                    + "WCVU";
            case CAMERA -> profile.model() + "20200414AAWRE" + digits;
            case LEGACY -> profile.model() + "20150126CCCH" + random.nextInt(10) + digits;
            case INACTIVE -> profile.model() + "20240105CCWRK" + digits;
        };
    }

    static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Loads the stored device or makes a fresh one, then applies the overrides of {@code config}. */
    static RecorderState resolve(RecorderConfig config, Path file) throws IOException {
        RecorderState s;
        if (file != null && Files.exists(file)) {
            s = load(file);
            if (config.profile() != null && config.profile() != s.profile) {
                throw new IOException("state directory " + config.stateDir() + " holds a " + s.profile.id()
                        + " recorder, not a " + config.profile().id() + " (use another --state-dir)");
            }
        } else {
            s = fresh(config.profile() == null ? Profile.NVR : config.profile(), new SecureRandom());
            if (config.defaultIp() != null) {
                s.applyIp(config.defaultIp(), null);
            }
        }
        if (config.serial() != null) {
            s.serial = config.serial().trim();
        }
        if (config.ip() != null || config.gateway() != null) {
            s.applyIp(config.ip() == null ? s.ipv4 + "/" + s.prefix : config.ip(), config.gateway());
        }
        return s;
    }

    /** Re-address; a gateway outside the new subnet is replaced by the subnet's first host. */
    void applyIp(String cidr, String gw) {
        Cidr c = Cidr.parse(cidr);
        ipv4 = c.address();
        prefix = c.prefix();
        if (gw != null) {
            Cidr.toInt(gw);
            gateway = gw.trim();
        } else if (gateway == null || gateway.isEmpty() || !Cidr.sameSubnet(gateway, ipv4, prefix)) {
            gateway = c.firstHost();
        }
    }

    public Profile profile() {
        return profile;
    }

    public String serial() {
        return serial;
    }

    public String mac() {
        return mac;
    }

    public String ipv4() {
        return ipv4;
    }

    public int prefix() {
        return prefix;
    }

    public String gateway() {
        return gateway;
    }

    public boolean activated() {
        return activated;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public String reservedEmail() {
        return reservedEmail;
    }

    public boolean hikConnectBound() {
        return hikConnectBound;
    }

    public boolean loopEnable() {
        return loopEnable;
    }

    public int disks() {
        return disks;
    }

    String subnetMask() {
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        return (mask >> 24 & 255) + "." + (mask >> 16 & 255) + "." + (mask >> 8 & 255) + "." + (mask & 255);
    }

    // ---- persistence ----

    static RecorderState load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        RecorderState s = new RecorderState();
        try {
            s.profile = Profile.parse(req(p, "profile"));
            s.serial = req(p, "serial");
            s.mac = req(p, "mac");
            s.ipv4 = req(p, "ipv4");
            s.prefix = Integer.parseInt(req(p, "prefix"));
            s.gateway = p.getProperty("gateway", "");
            s.activated = Boolean.parseBoolean(req(p, "activated"));
            s.passwordHash = p.getProperty("admin.passwordHash");
            s.passwordSealed = p.getProperty("admin.passwordSealed");
            s.passwordChangedAt = instant(p.getProperty("admin.passwordChangedAt"));
            s.userSalt = req(p, "userSalt");
            s.guid = p.getProperty("guid");
            s.guidExported = Boolean.parseBoolean(p.getProperty("guidExported", "false"));
            for (int i = 1; p.getProperty("question." + i + ".id") != null; i++) {
                s.questions.add(new Question(Integer.parseInt(p.getProperty("question." + i + ".id")),
                        req(p, "question." + i + ".answerHash")));
            }
            s.reservedEmail = p.getProperty("reservedEmail");
            s.hcPlatformEnable = Boolean.parseBoolean(p.getProperty("hikConnect.enabled", "false"));
            s.hikConnectBound = Boolean.parseBoolean(p.getProperty("hikConnect.bound", "false"));
            s.loopEnable = Boolean.parseBoolean(p.getProperty("storage.loopEnable", "false"));
            s.disks = Integer.parseInt(p.getProperty("storage.disks", "0"));
            s.clockOffsetMs = Long.parseLong(p.getProperty("clock.offsetMs", "0"));
            s.ipcPasswordsSyncedAt = instant(p.getProperty("ipc.passwordsSyncedAt"));
        } catch (IllegalArgumentException e) {
            throw new IOException("recorder state " + file + " is damaged: " + e.getMessage(), e);
        }
        return s;
    }

    /** Writes to a temporary file in the same directory, then moves it over the old one atomically. */
    void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("profile", profile.id());
        p.setProperty("serial", serial);
        p.setProperty("mac", mac);
        p.setProperty("ipv4", ipv4);
        p.setProperty("prefix", Integer.toString(prefix));
        p.setProperty("gateway", gateway == null ? "" : gateway);
        p.setProperty("activated", Boolean.toString(activated));
        put(p, "admin.passwordHash", passwordHash);
        put(p, "admin.passwordSealed", passwordSealed);
        put(p, "admin.passwordChangedAt", passwordChangedAt == null ? null : passwordChangedAt.toString());
        p.setProperty("userSalt", userSalt);
        put(p, "guid", guid);
        p.setProperty("guidExported", Boolean.toString(guidExported));
        for (int i = 0; i < questions.size(); i++) {
            p.setProperty("question." + (i + 1) + ".id", Integer.toString(questions.get(i).id()));
            p.setProperty("question." + (i + 1) + ".answerHash", questions.get(i).answerHash());
        }
        put(p, "reservedEmail", reservedEmail);
        p.setProperty("hikConnect.enabled", Boolean.toString(hcPlatformEnable));
        p.setProperty("hikConnect.bound", Boolean.toString(hikConnectBound));
        p.setProperty("storage.loopEnable", Boolean.toString(loopEnable));
        p.setProperty("storage.disks", Integer.toString(disks));
        p.setProperty("clock.offsetMs", Long.toString(clockOffsetMs));
        put(p, "ipc.passwordsSyncedAt", ipcPasswordsSyncedAt == null ? null : ipcPasswordsSyncedAt.toString());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "ResetDesk virtual recorder state (training device; passwords only as salted hashes)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String req(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v.trim();
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static Instant instant(String v) {
        return v == null || v.isBlank() ? null : Instant.parse(v.trim());
    }
}
