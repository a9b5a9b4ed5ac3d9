package org.resetdesk.packaging;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What resetdesk-alias must accept, written from its specification (not from the script): a unicast IPv4 address in
 * plain decimal without leading zeros, prefix 8 to 30, outside 0/8, 127/8, 169.254/16 and 224/3, and neither the
 * network nor the broadcast address of its subnet. Also a generator of near-miss candidates.
 */
final class AddressModel {
    private static final Pattern FORM =
            Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})"
                    + "/([1-9][0-9]?)");

    private AddressModel() {}

    /** Null when valid, else a short reason. */
    static String problem(String s) {
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            return "form";
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return "octet";
            }
            value = (value << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix < 8 || prefix > 30) {
            return "prefix";
        }
        int a = (int) (value >>> 24);
        int b = (int) ((value >>> 16) & 0xff);
        if (a == 0 || a == 127 || a >= 224 || (a == 169 && b == 254)) {
            return "range";
        }
        long hostMask = (1L << (32 - prefix)) - 1;
        long host = value & hostMask;
        if (host == 0 || host == hostMask) {
            return "network or broadcast";
        }
        return null;
    }

    /** Mostly plausible addresses, with one kind of mistake mixed in about half of the time. */
    static String candidate(Random rnd) {
        int[] o = {1 + rnd.nextInt(223), rnd.nextInt(256), rnd.nextInt(256), 1 + rnd.nextInt(254)};
        String[] octets = new String[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.toString(o[i]);
        }
        String prefix = Integer.toString(8 + rnd.nextInt(23));
        String tail = "";
        switch (rnd.nextInt(16)) {
            case 0 -> octets[rnd.nextInt(4)] = Integer.toString(256 + rnd.nextInt(744));
            case 1 -> octets[rnd.nextInt(4)] = "0" + rnd.nextInt(10);
            case 2 -> prefix = Integer.toString(rnd.nextInt(41));
            case 3 -> octets[0] = new String[] {"0", "127", "169", "224", "239", "240", "255"}[rnd.nextInt(7)];
            case 4 -> {
                octets[0] = "169";
                octets[1] = "254";
            }
            case 5 -> {
                prefix = "24";
                octets[3] = rnd.nextBoolean() ? "0" : "255";
            }
            case 6 -> tail = new String[] {" ", "x", ";id", "/24", "\n", ".1"}[rnd.nextInt(6)];
            case 7 -> prefix = rnd.nextBoolean() ? "" : "0" + (8 + rnd.nextInt(2));
            case 8 -> octets[rnd.nextInt(4)] = new String[] {"", "-1", "+1", "1e2", "0x1"}[rnd.nextInt(5)];
            default -> { }
        }
        String address = String.join(".", octets);
        if (rnd.nextInt(20) == 0) {
            return address + tail;   // no prefix at all
        }
        return address + "/" + prefix + tail;
    }
}
