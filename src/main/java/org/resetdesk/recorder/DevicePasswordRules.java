package org.resetdesk.recorder;

import java.util.Locale;
import java.util.Optional;

/**
 * The rules a recorder itself applies to a new password: the vendor's "risky password" rules
 * (recorder-console-and-isapi.md B4), not the kiosk's stricter floor ({@code org.resetdesk.job.PasswordRules}).
 * Basic rules on every profile: 8-16 ASCII characters from the allowed set, at least two of digits / lower / upper /
 * special, not the user name nor the user name reversed. Strict rules (newer DVR manuals, the dvr profile) also
 * refuse the user name, {@code admin} or {@code 123} anywhere, four or more consecutive increasing or decreasing
 * digits, and four or more identical characters in a row. Pure.
 */
public final class DevicePasswordRules {
    static final String SPECIALS = ".-_:/@,?!'()$&\"[]{}#%^*+=\\|<>";

    private DevicePasswordRules() {}

    /** Empty when acceptable; otherwise the reason (for logs and trainers, never containing the password). */
    public static Optional<String> riskReason(char[] pw, String userName, boolean strict) {
        if (pw.length < 8 || pw.length > 16) {
            return Optional.of("length must be 8 to 16 characters");
        }
        int digit = 0;
        int lower = 0;
        int upper = 0;
        int special = 0;
        for (char c : pw) {
            if (c >= '0' && c <= '9') {
                digit = 1;
            } else if (c >= 'a' && c <= 'z') {
                lower = 1;
            } else if (c >= 'A' && c <= 'Z') {
                upper = 1;
            } else if (SPECIALS.indexOf(c) >= 0) {
                special = 1;
            } else {
                return Optional.of("contains a character outside the allowed ASCII set");
            }
        }
        if (digit + lower + upper + special < 2) {
            return Optional.of("needs at least two kinds of characters");
        }
        String lowered = new String(pw).toLowerCase(Locale.ROOT);
        String user = userName.toLowerCase(Locale.ROOT);
        String reversed = new StringBuilder(user).reverse().toString();
        if (lowered.equals(user) || lowered.equals(reversed)) {
            return Optional.of("same as the user name or the user name reversed");
        }
        if (!strict) {
            return Optional.empty();
        }
        if (lowered.contains(user) || lowered.contains("admin") || lowered.contains("123")) {
            return Optional.of("contains the user name, admin or 123");
        }
        int up = 1;
        int down = 1;
        int same = 1;
        for (int i = 1; i < pw.length; i++) {
            char a = pw[i - 1];
            char b = pw[i];
            boolean digits = Character.isDigit(a) && Character.isDigit(b);
            up = digits && b == a + 1 ? up + 1 : 1;
            down = digits && b == a - 1 ? down + 1 : 1;
            same = b == a ? same + 1 : 1;
            if (up >= 4 || down >= 4) {
                return Optional.of("four or more consecutive digits");
            }
            if (same >= 4) {
                return Optional.of("four or more identical characters in a row");
            }
        }
        return Optional.empty();
    }
}
