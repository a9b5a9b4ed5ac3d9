package org.resetdesk.job;

import java.util.Set;

/**
 * What the domain knows of one recorder, as read over SADP. Null fields mean "the device did not say".
 * {@code bootTime} is kept exactly as the device sent it ({@code yyyy-MM-dd HH:mm:ss}, device clock).
 */
public record DeviceInfo(
        String model,
        String serial,
        String mac,
        String ipv4,
        String subnetMask,
        String gateway,
        String firmware,
        String bootTime,
        Boolean activated,
        Set<ResetMethod> resetMethods,
        Boolean syncIpcPassword,
        Boolean hikConnectEnabled,
        Boolean codeEncrypt,
        Integer validityHours) {

    public DeviceInfo {
        resetMethods = resetMethods == null ? Set.of() : Set.copyOf(resetMethods);
    }

    /** Whether the device is activated; old firmware omits the flag and is activated (sadp-protocol.md §4.1). */
    public boolean isActivated() {
        return activated == null || activated;
    }

    /** The network identity the same-network guard compares. */
    public NetworkIdentity network() {
        return new NetworkIdentity(mac, ipv4, subnetMask, gateway);
    }
}
