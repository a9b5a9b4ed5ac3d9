package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * JVM start to first painted frame ("ready in N ms"), median of 10 child JVMs. Needs a display (xvfb-run).
 * {@code -Dresetdesk.bench.main=org.resetdesk.Main -Dresetdesk.bench.args=--training} measures the real composition
 * root (H2 store, in-process virtual recorder) instead of the UI over in-memory parts.
 */
@Tag("bench")
class KioskStartupBench {
    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms");

    @Test
    void startupToFirstFrameMedianOfTen() throws Exception {
        String main = System.getProperty("resetdesk.bench.main", BenchKioskMain.class.getName());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    main));
            String args = System.getProperty("resetdesk.bench.args", "");
            if (!args.isBlank()) {
                cmd.addAll(List.of(args.trim().split("\\s+")));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Long ms = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = READY.matcher(line);
                    if (m.find() && ms == null) {
                        ms = Long.parseLong(m.group(1));
                        p.destroy(); // a real kiosk runs until a manager leaves it
                        break;
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ms).as("run " + i + " printed 'ready in N ms'").isNotNull();
            runs.add(ms);
        }
        List<Long> sorted = runs.stream().sorted().toList();
        long median = (sorted.get(4) + sorted.get(5)) / 2;
        System.out.println("BENCH kiosk.startup.readyMs median=" + median + " min=" + sorted.get(0) + " max="
                + sorted.get(9) + " runs=" + runs + " main=" + main);
        assertThat(median).isPositive();
    }
}
