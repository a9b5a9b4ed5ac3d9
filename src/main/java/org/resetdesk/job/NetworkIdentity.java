package org.resetdesk.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** MAC, IP, mask and gateway of a recorder; the same-network guard needs all four unchanged. */
public record NetworkIdentity(String mac, String ipv4, String subnetMask, String gateway) {

    /** Names of the fields that differ from {@code other}, in a fixed order; empty when the same. */
    public List<String> differencesFrom(NetworkIdentity other) {
        List<String> diffs = new ArrayList<>();
        if (!sameMac(mac, other.mac)) {
            diffs.add("MAC " + mac + " → " + other.mac);
        }
        if (!Objects.equals(ipv4, other.ipv4)) {
            diffs.add("IP " + ipv4 + " → " + other.ipv4);
        }
        if (!Objects.equals(subnetMask, other.subnetMask)) {
            diffs.add("mask " + subnetMask + " → " + other.subnetMask);
        }
        if (!Objects.equals(gateway, other.gateway)) {
            diffs.add("gateway " + gateway + " → " + other.gateway);
        }
        return diffs;
    }

    private static boolean sameMac(String a, String b) {
        return a == null ? b == null : b != null && Macs.normalise(a).equals(Macs.normalise(b));
    }
}
