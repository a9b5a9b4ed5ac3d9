package org.resetdesk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The kiosk's settings: built-in defaults, then {@code kiosk-config/kiosk.properties}, then {@code RESETDESK_*}
 * environment variables ({@code db.path} ← {@code RESETDESK_DB_PATH}). Unknown keys and bad values stop the app
 * with a message naming every bad key. Without a file the kiosk runs in training mode.
 */
public record KioskConfig(
        boolean training,
        Path source,
        String shopName,
        String shopAddress,
        String shopCountry,
        Locale locale,
        String sadpInterface,
        String consolePort,
        int consoleBaud,
        Path dbPath,
        Path dataDir,
        Path handoffFolder,
        String smtpHost,
        int smtpPort,
        boolean smtpStarttls,
        String smtpUsername,
        Path smtpPasswordFile,
        String supportEmail,
        String managerEmail,
        String printerName,
        String receiptWidth,
        int retentionDays,
        int idleLockSeconds,
        double fontScale,
        String theme,
        int sadpPort,
        Map<String, String> values) {

    /** Keys other parts add (support's SMTP/IMAP details), with their defaults; registered by Main before load. */
    private static final Map<String, String> EXTRA = new java.util.concurrent.ConcurrentHashMap<>();

    public static void registerKeys(Map<String, String> keysWithDefaults) {
        EXTRA.putAll(keysWithDefaults);
    }

    public static final Path DEFAULT_FILE = Path.of("kiosk-config", "kiosk.properties");

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("shop.name", "ResetDesk training counter");
        d.put("shop.address", "");
        d.put("shop.country", "");
        d.put("locale", "en");
        d.put("sadp.interface", "");
        d.put("console.port", "");
        d.put("console.baud", "115200");
        d.put("db.path", "");
        d.put("data.dir", "");
        d.put("handoff.folder", "");
        d.put("smtp.host", "");
        d.put("smtp.port", "587");
        d.put("smtp.starttls", "true");
        d.put("smtp.username", "");
        d.put("smtp.password-file", "");
        d.put("support.email", "");
        d.put("manager.email", "");
        d.put("printer.name", "");
        d.put("receipt.width", "80mm");
        d.put("retention.days", "365");
        d.put("idle.lock-seconds", "120");
        d.put("ui.font-scale", "1.0");
        d.put("ui.theme", "light");
        d.put("sadp.port", "37020");
        return d;
    }

    /** Every key a configuration may set: the contract's and those registered by other areas. */
    public static Set<String> keys() {
        Set<String> all = new java.util.LinkedHashSet<>(DEFAULTS.keySet());
        all.addAll(EXTRA.keySet());
        return java.util.Collections.unmodifiableSet(all);
    }

    private static boolean known(String key) {
        return DEFAULTS.containsKey(key) || EXTRA.containsKey(key);
    }

    /**
     * Loads {@code file} (or the default file when null and present). {@code forceTraining} or no file at all gives
     * training mode with throwaway storage under {@code trainingRoot}.
     */
    public static KioskConfig load(Path file, boolean forceTraining, Map<String, String> env, Path trainingRoot) {
        Path f = file != null ? file : Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        values.putAll(EXTRA);
        List<String> errors = new ArrayList<>();
        if (f != null) {
            if (!Files.isRegularFile(f)) {
                throw new ConfigException("config file " + f + " does not exist");
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("config file " + f + " cannot be read: " + e.getMessage());
            }
            for (String k : p.stringPropertyNames()) {
                if (!known(k)) {
                    errors.add(k + ": unknown key");
                } else {
                    values.put(k, p.getProperty(k).trim());
                }
            }
        }
        for (String k : List.copyOf(values.keySet())) {
            String envName = "RESETDESK_" + k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (env.containsKey(envName)) {
                values.put(k, env.get(envName).trim());
            }
        }
        boolean training = forceTraining || f == null;
        if (training) {
            // training never touches the shop's live storage: throwaway paths, even with a config file
            if (forceTraining || values.get("db.path").isEmpty()) {
                values.put("db.path", trainingRoot.resolve("db/resetdesk").toString());
            }
            if (forceTraining || values.get("data.dir").isEmpty()) {
                values.put("data.dir", trainingRoot.resolve("data").toString());
                values.put("handoff.folder", "");
            }
            if (values.get("sadp.interface").isEmpty()) {
                values.put("sadp.interface", "lo");
            }
        }
        if (values.get("handoff.folder").isEmpty() && !values.get("data.dir").isEmpty()) {
            values.put("handoff.folder", Path.of(values.get("data.dir")).resolve("handoff").toString());
        }
        KioskConfig c = new Parser(values, errors).build(training, f);
        if (!errors.isEmpty()) {
            throw new ConfigException("bad configuration" + (f != null ? " in " + f : "") + ": "
                    + String.join("; ", errors));
        }
        return c;
    }

    /** Same settings with the database and data directory overridden by command-line options. */
    public KioskConfig withStorage(Path db, Path data) {
        return new KioskConfig(training, source, shopName, shopAddress, shopCountry, locale, sadpInterface,
                consolePort, consoleBaud, db != null ? db : dbPath, data != null ? data : dataDir,
                data != null && handoffFolder != null && handoffFolder.startsWith(dataDir) ? data.resolve("handoff")
                        : handoffFolder, smtpHost, smtpPort, smtpStarttls, smtpUsername, smtpPasswordFile,
                supportEmail, managerEmail, printerName, receiptWidth, retentionDays, idleLockSeconds, fontScale,
                theme, sadpPort, values);
    }

    /** Same settings on another SADP port (training: the in-process recorder's port). */
    public KioskConfig withSadpPort(int port) {
        return new KioskConfig(training, source, shopName, shopAddress, shopCountry, locale, sadpInterface,
                consolePort, consoleBaud, dbPath, dataDir, handoffFolder, smtpHost, smtpPort, smtpStarttls,
                smtpUsername, smtpPasswordFile, supportEmail, managerEmail, printerName, receiptWidth, retentionDays,
                idleLockSeconds, fontScale, theme, port, values);
    }
}
