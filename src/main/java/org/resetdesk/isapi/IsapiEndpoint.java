package org.resetdesk.isapi;

import java.time.Duration;

/**
 * Where a recorder's ISAPI listens: its IPv4 address, the HTTP port and the HTTPS port to try first (null: do not
 * try HTTPS), and the time allowed for connecting and for each answer.
 */
public record IsapiEndpoint(String host, int httpPort, Integer httpsPort, Duration timeout) {
    public IsapiEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no recorder address");
        }
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /** Ports 80 and 443 as recorders ship, 5 s timeout. */
    public static IsapiEndpoint standard(String host) {
        return new IsapiEndpoint(host, 80, 443, Duration.ofSeconds(5));
    }
}
