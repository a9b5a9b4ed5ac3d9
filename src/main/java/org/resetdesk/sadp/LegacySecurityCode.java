package org.resetdesk.sadp;

import java.nio.charset.StandardCharsets;

/**
 * The legacy "security code" of firmware before 5.3 (sadp-protocol.md §5.3): the code support used to compute from
 * the serial and the device's current date. Only for devices advertising {@code ResetAbility}; the device then
 * resets to the vendor default password. Pure.
 */
public final class LegacySecurityCode {
    private static final long MAGIC = 1751873395L; // 0x686B7773, ASCII "hkws"

    private LegacySecurityCode() {}

    /**
     * @param serial the serial as the device reports it (case-sensitive; whether firmware hashes the full string or
     *               the serial without the model prefix is unverified, so callers may offer both)
     * @param yyyymmdd the device's current date, {@code YYYYMMDD}
     */
    public static String generate(String serial, String yyyymmdd) {
        byte[] seed = (serial + yyyymmdd).getBytes(StandardCharsets.ISO_8859_1);
        long magic = 0;
        for (int i = 0; i < seed.length; i++) {
            int pos = i + 1;
            magic += ((seed[i] & 0xffL) * pos) ^ pos;
        }
        long secret = (magic * MAGIC) & 0xffffffffL;
        String digits = Long.toString(secret);
        StringBuilder out = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'Q';
                case '1' -> 'R';
                case '2' -> 'S';
                case '3' -> 'q';
                case '4' -> 'r';
                case '5' -> 'd';
                case '6' -> 'e';
                case '7' -> 'y';
                case '8' -> 'z';
                default -> c;
            });
        }
        return out.toString();
    }
}
