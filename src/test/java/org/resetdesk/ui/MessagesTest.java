package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.GuardStatus;
import org.resetdesk.job.Intake;
import org.resetdesk.job.JobState;
import org.resetdesk.job.PasswordRules;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.job.StaffDirectory;

/** Every string from the bundles: English and German have the same keys, and every key the code uses exists. */
class MessagesTest {
    private static final Path UI_SRC = Path.of("src/main/java/org/resetdesk/ui");
    private static final Path JOB_SRC = Path.of("src/main/java/org/resetdesk/job");
    /** Calls whose first argument is a message key (all literals in that argument count, e.g. both ternary arms). */
    private static final Pattern FIRST_ARG = Pattern.compile(
            "(?<![A-Za-z])(?:Messages\\.get|Messages\\.format|Messages\\.has|msg|fmt|Ui\\.label|requireManager|control"
                    + "|fact|figure|row)\\(");
    /** Calls whose second argument is a message key. */
    private static final Pattern SECOND_ARG = Pattern.compile("(?<![A-Za-z])(?:Ui\\.button|action|Confirm\\.ask|row)\\(");
    /** Calls whose fourth argument is a message key. */
    private static final Pattern FOURTH_ARG = Pattern.compile("(?<![A-Za-z])Confirm\\.ask\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void englishAndGermanHaveTheSameKeysAndNoEmptyValues() throws IOException {
        Properties en = load("Messages.properties");
        Properties de = load("Messages_de.properties");
        assertThat(de.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (Properties p : List.of(en, de)) {
            for (String k : p.stringPropertyNames()) {
                assertThat(p.getProperty(k)).as(k).isNotBlank();
                assertThat(p.getProperty(k)).as(k + " uses ’ not a plain apostrophe (MessageFormat)").doesNotContain("'");
                new MessageFormat(p.getProperty(k));
            }
        }
        assertThat(en.size()).isGreaterThan(300);
    }

    @Test
    void everyKeyUsedInTheUiCodeExists() throws IOException {
        Properties en = load("Messages.properties");
        Set<String> used = usedKeys();
        assertThat(used).hasSizeGreaterThan(200)
                .as("the parser sees keys in ternaries, 2nd/4th arguments and helper calls")
                .contains("signin.pickManager", "customer.missing.consent", "export.confirmYes", "export.confirmTitle",
                        "customer.nameLabel", "done.job", "trainer.done.reboot", "manager.newPin", "connect.title",
                        "state.", "guard.status.");
        List<String> missing = new ArrayList<>();
        for (String k : used) {
            if (k.endsWith(".")) {
                if (en.stringPropertyNames().stream().noneMatch(x -> x.startsWith(k))) {
                    missing.add(k + "*");
                }
            } else if (!en.containsKey(k)) {
                missing.add(k);
            }
        }
        assertThat(missing).as("keys used in code but missing from Messages.properties").isEmpty();
    }

    @Test
    void keysBuiltFromDomainValuesExist() throws IOException {
        Properties en = load("Messages.properties");
        List<String> keys = new ArrayList<>();
        for (JobState s : JobState.values()) {
            keys.add("state." + s);
        }
        for (GuardStatus g : GuardStatus.values()) {
            keys.add("guard.status." + g);
        }
        for (ResetMethod m : ResetMethod.values()) {
            keys.add("method." + m);
            keys.add("method.why." + m);
        }
        for (Intake.OwnershipKind o : Intake.OwnershipKind.values()) {
            keys.add("ownership." + o);
        }
        for (PasswordRules.Strength s : PasswordRules.Strength.values()) {
            keys.add("password.strength." + s);
        }
        for (StaffDirectory.Role r : StaffDirectory.Role.values()) {
            keys.add("manager.role." + r);
        }
        for (String id : Screens.WIZARD) {
            keys.add("step." + id);
        }
        for (String w : List.of("firmware.warn.legacy", "firmware.warn.old", "outcome.CODE_ERROR", "outcome.LOCKED")) {
            keys.add(w);
        }
        assertThat(keys).allSatisfy(k -> assertThat(en).as(k).containsKey(k));
        assertThat(DeviceOutcome.Kind.values()).isNotEmpty();
    }

    @Test
    void everyRefusalAndPasswordRuleKeyOfTheDomainIsTranslated() throws IOException {
        Properties en = load("Messages.properties");
        Pattern refusal = Pattern.compile("(?:Refusal\\.of|refused)\\(\\s*\"([a-zA-Z.]+)\"");
        Pattern rule = Pattern.compile("\"(password\\.rule\\.[a-zA-Z]+)\"");
        Set<String> domain = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JOB_SRC)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (Pattern p : List.of(refusal, rule)) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        domain.add(m.group(1));
                    }
                }
            }
        }
        assertThat(domain).hasSizeGreaterThan(25);
        assertThat(domain).allSatisfy(k -> assertThat(en).as(k).containsKey(k));
    }

    @Test
    void germanIsUsedForGerman() {
        Messages.use(Locale.GERMAN);
        try {
            assertThat(Messages.get("waiting.banner")).isEqualTo("REKORDER NICHT AUSSCHALTEN ODER ABZIEHEN");
            assertThat(Messages.format("board.openCount", 2)).startsWith("2 offene Aufträge");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
        assertThat(Messages.get("waiting.banner")).isEqualTo("DO NOT SWITCH OFF OR UNPLUG THE RECORDER");
        assertThat(Messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(UI_SRC)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                collect(src, FIRST_ARG, 0, keys);
                collect(src, SECOND_ARG, 1, keys);
                collect(src, FOURTH_ARG, 3, keys);
                Matcher titles = Pattern.compile("super\\(session, \"[a-z]+\", \"([^\"]+)\"\\)").matcher(src);
                while (titles.find()) {
                    keys.add(titles.group(1));
                }
                Matcher arr = Pattern.compile("\\{\"(manager\\.new[A-Za-z]+)\"").matcher(src);
                while (arr.find()) {
                    keys.add(arr.group(1));
                }
                Matcher doneKeys = Pattern.compile("\"(trainer\\.done\\.[A-Za-z]+)\"").matcher(src);
                while (doneKeys.find()) {
                    keys.add(doneKeys.group(1));
                }
            }
        }
        keys.removeIf(k -> !k.matches("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)*\\.?") || !k.contains("."));
        return keys;
    }

    /** For each call, the string literals inside argument {@code index} (0-based) count as keys. */
    private static void collect(String src, Pattern call, int index, Set<String> out) {
        Matcher m = call.matcher(src);
        while (m.find()) {
            String arg = argument(src, m.end(), index);
            Matcher lit = LITERAL.matcher(arg);
            while (lit.find()) {
                out.add(lit.group(1));
            }
        }
    }

    private static String argument(String src, int from, int index) {
        int depth = 0;
        int arg = 0;
        int start = from;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"') {
                i = src.indexOf('"', i + 1);
                while (src.charAt(i - 1) == '\\') {
                    i = src.indexOf('"', i + 1);
                }
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                depth--;
            } else if ((c == ',' && depth == 0) || c == ')') {
                if (arg == index) {
                    return src.substring(start, i);
                }
                if (c == ')') {
                    return "";
                }
                arg++;
                start = i + 1;
            }
        }
        return "";
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/resetdesk/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
