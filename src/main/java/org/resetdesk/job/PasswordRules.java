package org.resetdesk.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vendor's password rules (recorder-console-and-isapi.md B4) plus the kiosk's stricter floor: 8–16 ASCII
 * characters, no user name (or reversed), no "123"/"admin", no run of 4 increasing/decreasing digits or 4 identical
 * characters; strength by character types. The kiosk asks for at least MEDIUM with 3 types.
 */
public final class PasswordRules {
    public static final String SPECIALS = ".-_:/@,?!'()$&\"[]{}#%^*+=\\|<> ";

    public enum Strength { RISKY, WEAK, MEDIUM, STRONG }

    public record Assessment(Strength strength, List<String> problems) {
        /** What the kiosk accepts: not risky, at least 3 character types. */
        public boolean acceptable() {
            return problems.isEmpty() && strength == Strength.STRONG;
        }
    }

    private PasswordRules() {}

    public static Assessment assess(char[] pw, String userName) {
        List<String> problems = new ArrayList<>();
        if (pw.length < 8) {
            problems.add("password.rule.tooShort");
        }
        if (pw.length > 16) {
            problems.add("password.rule.tooLong");
        }
        int types = 0;
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        boolean special = false;
        for (char c : pw) {
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (SPECIALS.indexOf(c) >= 0) {
                special = true;
            } else {
                if (!problems.contains("password.rule.character")) {
                    problems.add("password.rule.character");
                }
            }
        }
        types = (digit ? 1 : 0) + (lower ? 1 : 0) + (upper ? 1 : 0) + (special ? 1 : 0);
        String user = userName == null ? "admin" : userName.toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && (containsIgnoreCase(pw, user)
                || containsIgnoreCase(pw, new StringBuilder(user).reverse().toString()))) {
            problems.add("password.rule.userName");
        }
        if (containsIgnoreCase(pw, "123") || containsIgnoreCase(pw, "admin")) {
            problems.add("password.rule.common");
        }
        if (hasRun(pw)) {
            problems.add("password.rule.sequence");
        }
        if (types < 2) {
            problems.add("password.rule.types");
        }
        Strength s;
        if (!problems.isEmpty() && (pw.length < 8 || types < 2 || problems.contains("password.rule.userName"))) {
            s = Strength.RISKY;
        } else if (types >= 3) {
            s = Strength.STRONG;
        } else if (digit && (lower || upper)) {
            s = Strength.WEAK;
        } else {
            s = Strength.MEDIUM;
        }
        return new Assessment(s, List.copyOf(problems));
    }

    /** What the vendor rejects as risky (the device says riskPassword): the virtual recorder uses this too. */
    public static boolean deviceRejects(char[] pw, String userName) {
        return assess(pw, userName).strength() == Strength.RISKY || pw.length > 16;
    }

    /** Substring search on the array itself, so no String copy of the password is ever made. */
    private static boolean containsIgnoreCase(char[] pw, String needle) {
        outer:
        for (int i = 0; i + needle.length() <= pw.length; i++) {
            for (int k = 0; k < needle.length(); k++) {
                if (Character.toLowerCase(pw[i + k]) != needle.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean hasRun(char[] pw) {
        for (int i = 0; i + 3 < pw.length; i++) {
            char a = pw[i];
            boolean same = true;
            boolean up = true;
            boolean down = true;
            for (int k = 1; k < 4; k++) {
                char c = pw[i + k];
                same &= c == a;
                up &= Character.isDigit(c) && Character.isDigit(a) && c == a + k;
                down &= Character.isDigit(c) && Character.isDigit(a) && c == a - k;
            }
            if (same || up || down) {
                return true;
            }
        }
        return false;
    }
}
