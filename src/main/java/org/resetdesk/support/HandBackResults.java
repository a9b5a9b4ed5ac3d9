package org.resetdesk.support;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the hand-back receipt reports: what was done, the disk and cloud results of the aftercare checks, and the
 * advice for the customer. Plain lines from the aftercare step. Anything that looks like a secret given after a
 * "password:"/"PIN=" style label is replaced, so a careless line can never print a password.
 */
public record HandBackResults(List<String> done, List<String> disks, List<String> cloud, List<String> advice) {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)\\b(new password|password|passwd|pwd|pin|passcode)\\b(\\s*(?:is|was|:|=)\\s*)\\S+");

    public HandBackResults {
        done = redact(done);
        disks = redact(disks);
        cloud = redact(cloud);
        advice = redact(advice);
    }

    /** The advice every customer gets, after the job-specific lines. */
    public static final List<String> STANDARD_ADVICE = List.of(
            "Keep the new password somewhere safe; the shop does not keep it and cannot read it back.",
            "Update apps and viewers (Hik-Connect, iVMS-4200) with the new password, or they lock the recorder out"
                    + " with repeated wrong logins.",
            "Check that the reserved e-mail address and the security questions are yours, so you can reset the"
                    + " password yourself next time.");

    private static List<String> redact(List<String> lines) {
        return lines == null ? List.of() : lines.stream().map(HandBackResults::redactLine).toList();
    }

    static String redactLine(String line) {
        return line == null ? "" : SECRET.matcher(line).replaceAll("$1$2[not printed]");
    }
}
