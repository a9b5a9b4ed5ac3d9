package org.resetdesk.recorder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The legacy "security code" of firmware before 5.3.0 (sadp-protocol.md §5.3): seed = serial + device date as
 * yyyyMMdd; magic = sum over 1-based positions of (byte * i) XOR i; secret = magic * 0x686B7773 mod 2^32 in decimal;
 * digits mapped 0-8 to {@code QRSqrdeyz}, 9 kept. The recorder uses it to check codes; pure.
 */
public final class LegacySecurityCode {
    private static final String MAP = "QRSqrdeyz";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private LegacySecurityCode() {}

    public static String code(String serial, LocalDate date) {
        return code(serial + date.format(DAY));
    }

    static String code(String seed) {
        byte[] b = seed.getBytes(StandardCharsets.US_ASCII);
        long magic = 0;
        for (int i = 1; i <= b.length; i++) {
            magic += ((b[i - 1] & 0xff) * i) ^ i;
        }
        long secret = (magic * 1751873395L) & 0xFFFFFFFFL;
        StringBuilder out = new StringBuilder();
        for (char c : Long.toString(secret).toCharArray()) {
            out.append(c == '9' ? '9' : MAP.charAt(c - '0'));
        }
        return out.toString();
    }
}
