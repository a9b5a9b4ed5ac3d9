package org.resetdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * kiosk-config/kiosk.example.properties documents exactly the configuration keys of the CLI contract (plus the UI
 * keys), each under its own comment that says what it takes and what happens when it is left out.
 */
class ExampleConfigTest {
    static final List<String> KEYS = List.of("shop.name", "shop.address", "shop.country", "locale", "sadp.interface",
            "console.port", "console.baud", "db.path", "data.dir", "handoff.folder", "smtp.host", "smtp.port",
            "smtp.starttls", "smtp.username", "smtp.password-file", "support.email", "manager.email", "printer.name",
            "receipt.width", "retention.days", "idle.lock-seconds", "ui.font-scale", "ui.theme");

    private static final Path EXAMPLE = Path.of("kiosk-config/kiosk.example.properties");

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
