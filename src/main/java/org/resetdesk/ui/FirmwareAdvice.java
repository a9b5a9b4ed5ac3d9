package org.resetdesk.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetdesk.job.DeviceInfo;

/**
 * Flags firmware with known serious vulnerabilities so staff advise an update after the reset (never exploit it).
 * field-practice.md §0.8/§8.7: unofficial reset-code generators work on firmware before 5.3.0, and backdoor tools
 * target CVE-2017-7921 / ICSA-17-124-01 (camera firmware of 2014–2016). The exact affected ranges per model are not
 * in the reference material, so the rule is deliberately conservative:
 * <ul>
 *   <li>cameras (models {@code DS-2…}, {@code IPC…}): firmware below V5.5.0;</li>
 *   <li>recorders (everything else): firmware below V4.0.0 (the V3.x line of the same years).</li>
 * </ul>
 * Unparseable or missing versions are not flagged (the screen shows "not reported").
 */
public final class FirmwareAdvice {
    private static final Pattern VERSION = Pattern.compile("V?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private FirmwareAdvice() {}

    /** The message key of the warning to show, if this firmware is in a flagged range. */
    public static Optional<String> warning(DeviceInfo d) {
        if (d == null || d.firmware() == null) {
            return Optional.empty();
        }
        Matcher m = VERSION.matcher(d.firmware().trim().toUpperCase(Locale.ROOT));
        if (!m.find()) {
            return Optional.empty();
        }
        int v = Integer.parseInt(m.group(1)) * 10_000 + Integer.parseInt(m.group(2)) * 100
                + (m.group(3) == null ? 0 : Math.min(99, Integer.parseInt(m.group(3))));
        String model = d.model() == null ? "" : d.model().toUpperCase(Locale.ROOT);
        boolean camera = model.startsWith("DS-2") || model.startsWith("IPC");
        if (camera ? v < 50_500 : v < 40_000) {
            return Optional.of(v < 50_300 && camera || !camera ? "firmware.warn.legacy" : "firmware.warn.old");
        }
        return Optional.empty();
    }
}
