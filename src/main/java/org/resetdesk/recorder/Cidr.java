package org.resetdesk.recorder;

/** {@code A.B.C.D/NN} parsing and subnet tests for IPv4. Pure. */
record Cidr(String address, int prefix) {

    static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        int prefix;
        try {
            prefix = slash < 0 ? 24 : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not A.B.C.D/NN: " + text);
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix out of range in " + text);
        }
        toInt(addr);
        return new Cidr(addr, prefix);
    }

    static long toInt(String dotted) {
        String[] p = dotted.trim().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long v = 0;
        for (String part : p) {
            int n;
            try {
                n = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            v = v << 8 | n;
        }
        return v;
    }

    static boolean sameSubnet(String a, String b, int prefix) {
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        return (toInt(a) & mask) == (toInt(b) & mask);
    }

    /** The first host of the subnet, as a plausible default gateway. */
    String firstHost() {
        long mask = prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
        long v = (toInt(address) & mask) + (prefix >= 31 ? 0 : 1);
        return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }
}
