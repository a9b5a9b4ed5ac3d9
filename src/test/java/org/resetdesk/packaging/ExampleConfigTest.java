package org.resetdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.config.ConfigException;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.support.SupportSettings;

/**
 * kiosk-config/kiosk.example.properties documents exactly the configuration keys of the CLI contract (plus the UI
 * keys and sadp.port), each under its own comment that says what it takes and what happens when it is left out, and
 * exactly the keys {@link KioskConfig} knows, with its defaults.
 */
class ExampleConfigTest {
    static final List<String> CONTRACT_KEYS = List.of("shop.name", "shop.address", "shop.country", "locale",
            "sadp.interface", "console.port", "console.baud", "db.path", "data.dir", "handoff.folder", "smtp.host",
            "smtp.port", "smtp.starttls", "smtp.username", "smtp.password-file", "support.email", "manager.email",
            "printer.name", "receipt.width", "retention.days", "idle.lock-seconds", "ui.font-scale", "ui.theme",
            "sadp.port");
    /** The contract's keys and the support area's own (request form, replies, SMTP details). */
    static final List<String> KEYS = all();

    private static List<String> all() {
        List<String> k = new ArrayList<>(CONTRACT_KEYS);
        k.addAll(SupportSettings.EXTRA_KEYS.keySet());
        return List.copyOf(k);
    }

    @org.junit.jupiter.api.BeforeAll
    static void registerSupportKeys() {
        KioskConfig.registerKeys(SupportSettings.EXTRA_KEYS); // as Main does
    }

    private static final Path EXAMPLE = Path.of("kiosk-config/kiosk.example.properties");

    @TempDir
    Path dir;

    @Test
    void hasEveryKeyOnceAndNoOther() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(KEYS);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(EXAMPLE, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(p.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(KEYS);
    }

    @Test
    void documentsTheKeysTheLoaderKnows() {
        assertThat(KioskConfig.keys()).containsExactlyInAnyOrderElementsOf(KEYS);
    }

    @Test
    void documentedDefaultsAreTheLoadersDefaults() throws IOException {
        Map<String, Function<KioskConfig, Object>> fields = new LinkedHashMap<>();
        fields.put("shop.name", KioskConfig::shopName);
        fields.put("shop.address", KioskConfig::shopAddress);
        fields.put("shop.country", KioskConfig::shopCountry);
        fields.put("locale", c -> c.locale().toLanguageTag());
        fields.put("console.port", KioskConfig::consolePort);
        fields.put("console.baud", KioskConfig::consoleBaud);
        fields.put("smtp.host", KioskConfig::smtpHost);
        fields.put("smtp.port", KioskConfig::smtpPort);
        fields.put("smtp.starttls", KioskConfig::smtpStarttls);
        fields.put("smtp.username", KioskConfig::smtpUsername);
        fields.put("smtp.password-file", KioskConfig::smtpPasswordFile);
        fields.put("support.email", KioskConfig::supportEmail);
        fields.put("manager.email", KioskConfig::managerEmail);
        fields.put("printer.name", KioskConfig::printerName);
        fields.put("receipt.width", KioskConfig::receiptWidth);
        fields.put("retention.days", KioskConfig::retentionDays);
        fields.put("idle.lock-seconds", KioskConfig::idleLockSeconds);
        fields.put("ui.font-scale", KioskConfig::fontScale);
        fields.put("ui.theme", KioskConfig::theme);
        fields.put("sadp.port", KioskConfig::sadpPort);
        for (String extra : SupportSettings.EXTRA_KEYS.keySet()) {
            fields.put(extra, c -> c.values().get(extra));
        }

        Path empty = Files.writeString(dir.resolve("empty.properties"), "# nothing set\n");
        KioskConfig defaults = KioskConfig.load(empty, true, Map.of(), dir.resolve("training"));
        Map<String, String> docs = commentsAbove(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        fields.forEach((key, field) -> {
            String doc = docs.get(key);
            String text = doc.substring(doc.lastIndexOf("Default: ") + "Default: ".length()).strip();
            text = text.replaceAll("\\.$", "").replaceAll("\\s*\\(.*\\)$", "");
            String documented = text.equals("empty") ? "" : text;
            Object actual = field.apply(defaults);
            assertThat(actual == null ? "" : actual.toString()).as("default of %s", key).isEqualTo(documented);
        });
    }

    @Test
    void theExampleIsAValidStationAndTheInstalledCopyNamesWhatIsMissing() throws IOException {
        KioskConfig example = KioskConfig.load(EXAMPLE, false, Map.of(), dir.resolve("training"));
        assertThat(example.sadpInterface()).isEqualTo("enp2s0");
        assertThat(example.dbPath()).isEqualTo(Path.of("/var/lib/resetdesk/db/resetdesk"));
        // copied as the README says, the example must also start the support area: mail and a complete request form
        SupportSettings support = SupportSettings.fromValues(example.values());
        assertThat(support.smtp().from()).isEqualTo("service@example.com");
        assertThat(support.requester().name()).isNotBlank();
        assertThat(support.requester().phone()).isNotBlank();

        Path installed = dir.resolve("installed.properties");
        Script.Result r = Script.run(dir, List.of("sh", "-c",
                Script.packaging("debian/make-conffile") + " <" + EXAMPLE.toAbsolutePath() + " >" + installed));
        assertThat(r.exit()).as("%s", r).isZero();
        Properties active = new Properties();
        try (Reader in = Files.newBufferedReader(installed, StandardCharsets.UTF_8)) {
            active.load(in);
        }
        assertThat(active.stringPropertyNames()).containsExactlyInAnyOrder("db.path", "data.dir", "handoff.folder");
        assertThat(KioskConfig.load(installed, true, Map.of(), dir.resolve("training")).training()).isTrue();
        assertThatThrownBy(() -> KioskConfig.load(installed, false, Map.of(), dir.resolve("training")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sadp.interface: required");
    }

    @Test
    void everyKeyIsDocumentedRightAboveIt() throws IOException {
        Map<String, String> docs = commentsAbove(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        for (String key : KEYS) {
            String doc = docs.get(key);
            assertThat(doc).as("comment above %s", key).isNotBlank();
            assertThat(doc).as("%s says its default or that it is required", key)
                    .containsAnyOf("Default:", "Required");
        }
    }

    @Test
    void enumeratedKeysNameTheirValues() throws IOException {
        Map<String, String> docs = commentsAbove(Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8));
        assertThat(docs.get("locale")).contains("en or de");
        assertThat(docs.get("receipt.width")).contains("80mm or a4");
        assertThat(docs.get("ui.theme")).contains("light or high-contrast");
        assertThat(docs.get("smtp.starttls")).contains("true or false");
        assertThat(docs.get("console.baud")).contains("115200");
    }

    @Test
    void keepsSecretsOutOfTheFile() throws IOException {
        String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        assertThat(text).doesNotContainPattern("(?m)^smtp\\.password=");
        assertThat(text).doesNotContainPattern("(?mi)^[a-z.-]*(pin|secret)[a-z.-]*=");
    }

    /** Maps each key to the comment block directly above its line. */
    static Map<String, String> commentsAbove(List<String> lines) {
        Map<String, String> docs = new LinkedHashMap<>();
        StringBuilder block = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("#")) {
                block.append(line.substring(1).strip()).append(' ');
            } else if (line.isBlank()) {
                block.setLength(0);
            } else {
                docs.put(line.substring(0, line.indexOf('=')), block.toString());
                block.setLength(0);
            }
        }
        return docs;
    }
}
