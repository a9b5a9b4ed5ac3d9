package org.resetdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.isapi.AddressAlias;
import org.resetdesk.isapi.AddressAlias.AliasException;

/**
 * The kiosk's caller ({@link AddressAlias}) and the packaged helper agree: in a network namespace this test creates,
 * an address in use is skipped for the next candidate, the lease removes what it added, and refusals and a missing
 * configuration come back as REFUSED.
 */
class AddressAliasWithHelperTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String NS = "rd-packaging-aa-" + PID;
    private static final String PORT = "rdpa" + PID;
    private static final String LAN = "rdpb" + PID;

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void namespace() throws IOException {
        Script.must(dir, "ip", "netns", "add", NS);
        Script.must(dir, "ip", "-n", NS, "link", "add", PORT, "type", "veth", "peer", "name", LAN);
        Script.must(dir, "ip", "-n", NS, "link", "set", PORT, "up");
        Script.must(dir, "ip", "-n", NS, "link", "set", LAN, "up");
        Script.must(dir, "ip", "-n", NS, "addr", "add", "192.0.0.128/24", "dev", PORT);
        Script.must(dir, "ip", "-n", NS, "addr", "add", "10.77.0.2/24", "dev", LAN);
        config = Files.writeString(dir.resolve("kiosk.properties"), "sadp.interface=" + PORT + "\n");
    }

    @AfterEach
    void dropNamespace() {
        Script.run(dir, List.of("ip", "netns", "delete", NS));
    }

    private AddressAlias alias(String iface) {
        return new AddressAlias(List.of("ip", "netns", "exec", NS, Script.packaging("bin/resetdesk-alias").toString(),
                "--config", config.toString(), "--state-dir", dir.resolve("state").toString()), iface,
                Duration.ofSeconds(20));
    }

    private String addresses() {
        return Script.must(dir, "ip", "-n", NS, "-o", "-4", "addr", "show", "dev", PORT);
    }

    @Test
    void borrowsTheFirstFreeCandidateAndGivesItBack() throws Exception {
        Script.must(dir, "ip", "-n", NS, "addr", "add", "192.168.1.254/24", "dev", PORT);   // someone else's
        List<String> candidates = AddressAlias.candidates("192.168.1.64", "255.255.255.0", "192.168.1.1");
        assertThat(candidates.get(0)).isEqualTo("192.168.1.254/24");

        try (AddressAlias.Lease lease = alias(PORT).borrow(candidates)) {
            assertThat(lease.cidr()).isEqualTo("192.168.1.253/24");
            assertThat(addresses()).contains("inet 192.168.1.253/24");
        }
        assertThat(addresses()).doesNotContain("192.168.1.253").contains("inet 192.168.1.254/24");
    }

    @Test
    void refusalsAndMissingConfigurationAreRefused() throws Exception {
        assertThatThrownBy(() -> alias(LAN).borrow(List.of("192.168.1.250/24")))
                .isInstanceOfSatisfying(AliasException.class,
                        e -> assertThat(e.kind()).isEqualTo(AliasException.Kind.REFUSED));
        assertThatThrownBy(() -> alias(PORT).borrow(List.of("10.77.0.9/24")))   // the shop LAN's subnet
                .isInstanceOfSatisfying(AliasException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AliasException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("overlaps 10.77.0.2/24");
                });
        Files.writeString(config, "# sadp.interface not set yet\n");
        assertThatThrownBy(() -> alias(PORT).borrow(List.of("192.168.1.250/24")))
                .isInstanceOfSatisfying(AliasException.class,
                        e -> assertThat(e.kind()).isEqualTo(AliasException.Kind.REFUSED));
        assertThat(addresses()).doesNotContain("192.168.1.250").doesNotContain("10.77.0.9");
    }
}
