package org.resetdesk.isapi;

/** Dotted-quad IPv4 arithmetic for the address alias. Pure. */
final class Ipv4 {
    private Ipv4() {}

    static int parse(String dotted) {
        String[] p = dotted.trim().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int v = 0;
        for (String s : p) {
            int o;
            try {
                o = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted, e);
            }
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            v = v << 8 | o;
        }
        return v;
    }

    static String format(int v) {
        return (v >>> 24) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
    }

    static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no prefix in " + cidr);
        }
        int n = Integer.parseInt(cidr.substring(slash + 1));
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bad prefix in " + cidr);
        }
        return n;
    }

    static int prefixOfMask(String mask) {
        int m = parse(mask);
        int n = Integer.bitCount(m);
        if (n != 0 && m != -1 << (32 - n)) {
            throw new IllegalArgumentException("not a contiguous subnet mask: " + mask);
        }
        return n;
    }

    static boolean sameSubnet(int a, int b, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (a & mask) == (b & mask);
    }
}
