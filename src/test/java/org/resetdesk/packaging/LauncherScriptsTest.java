package org.resetdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /usr/bin/resetdesk wrapper (arguments passed through untouched, --config added only when the installed config
 * has an active key and the caller gave none) and resetdesk-network-setup (renders the recorder-port template, refuses
 * the shop LAN interface).
 */
class LauncherScriptsTest {
    private static final Path WRAPPER = Script.packaging("bin/resetdesk");
    private static final Path NETWORK_SETUP = Script.packaging("bin/resetdesk-network-setup");
    private static final Path TEMPLATE = Script.packaging("network/resetdesk-recorder.network.in");
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path app;
    private Path config;

    @BeforeEach
    void recordingApp() throws IOException {
        app = dir.resolve("app");   // a recording stand-in for the jpackage launcher: one argument per line
        Files.writeString(app, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
        config = dir.resolve("kiosk.properties");
    }

    private List<String> launch(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(WRAPPER.toString()));
        cmd.addAll(List.of(args));
        Script.Result r = Script.run(dir, Map.of("RESETDESK_APP", app.toString(), "RESETDESK_CONFIG",
                config.toString()), cmd);
        assertThat(r.exit()).as("%s", r).isZero();
        return r.out().lines().toList();
    }

    @Test
    void addsTheInstalledConfigWhenItHasAnActiveKey() throws IOException {
        Files.writeString(config, "# comment\n  db.path=/var/lib/resetdesk/db/resetdesk\n");
        assertThat(launch("job", "abandon", "J-1", "--reason", "customer left, said \"later\""))
                .containsExactly("--config", config.toString(), "job", "abandon", "J-1", "--reason",
                        "customer left, said \"later\"");
    }

    @Test
    void leavesDefaultsAloneWithoutAnActiveKey() throws IOException {
        Files.writeString(config, "# shop.name=Example\n! locale=de\n\n   \n");
        assertThat(launch("--training")).containsExactly("--training");
        Files.delete(config);
        assertThat(launch("--version")).containsExactly("--version");
    }

    @Test
    void trainingNeverGetsTheStationsStorage() throws IOException {
        Files.writeString(config, "db.path=/var/lib/resetdesk/db/resetdesk\ndata.dir=/var/lib/resetdesk/data\n");
        assertThat(launch("--training")).containsExactly("--training");
        assertThat(launch("--training", "job", "list")).containsExactly("--training", "job", "list");
    }

    @Test
    void neverOverridesAConfigTheCallerGave() throws IOException {
        Files.writeString(config, "locale=de\n");
        assertThat(launch("--config", "/tmp/other.properties", "decode", "a b.bin"))
                .containsExactly("--config", "/tmp/other.properties", "decode", "a b.bin");
        assertThat(launch("--config=/tmp/x", "--version")).containsExactly("--config=/tmp/x", "--version");
    }

    @Test
    void networkSetupRendersTheRecorderPort() throws IOException {
        Files.writeString(config, "sadp.interface : enx00e04c680123\n");
        Script.Result r = Script.run(dir, List.of(NETWORK_SETUP.toString(), "--config", config.toString(),
                "--template", TEMPLATE.toString(), "--address", "192.0.0.128/24", "--dry-run"));
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out().lines()).contains("Name=enx00e04c680123", "Address=192.0.0.128/24", "DHCP=no",
                "DHCPServer=no", "IPv6AcceptRA=no", "IPForward=no", "LinkLocalAddressing=no");
        assertThat(r.out()).doesNotContain("Gateway=").doesNotContain("@");
    }

    @Test
    void networkSetupRefusesBadInput() throws IOException {
        Files.writeString(config, "sadp.interface=enp2s0\n");
        for (String address : List.of("192.0.0.128", "192.0.0.256/24", "192.0.0.128/31", "10.0.0.1/24;reboot")) {
            Script.Result r = Script.run(dir, List.of(NETWORK_SETUP.toString(), "--config", config.toString(),
                    "--template", TEMPLATE.toString(), "--address", address, "--dry-run"));
            assertThat(r.exit()).as("%s: %s", address, r).isEqualTo(1);
            assertThat(r.err()).contains("is not an address");
        }
        Files.writeString(config, "# sadp.interface=enp2s0\n");
        Script.Result r = Script.run(dir, List.of(NETWORK_SETUP.toString(), "--config", config.toString(),
                "--template", TEMPLATE.toString(), "--dry-run"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("sadp.interface is not set");
    }

    @Test
    void networkSetupRefusesTheInterfaceWithTheDefaultRoute() throws IOException {
        String ns = "rd-packaging-net-" + PID;
        String lan = "rdpn" + PID;
        Script.must(dir, "ip", "netns", "add", ns);
        try {
            Script.must(dir, "ip", "-n", ns, "link", "add", lan, "type", "veth", "peer", "name", lan + "p");
            Script.must(dir, "ip", "-n", ns, "link", "set", lan, "up");
            Script.must(dir, "ip", "-n", ns, "addr", "add", "10.9.0.2/24", "dev", lan);
            Script.must(dir, "ip", "-n", ns, "route", "add", "default", "via", "10.9.0.1", "dev", lan);
            Files.writeString(config, "sadp.interface=" + lan + "\n");
            Script.Result r = Script.inNamespace(dir, ns, List.of(NETWORK_SETUP.toString(), "--config",
                    config.toString(), "--template", TEMPLATE.toString(), "--dry-run"));
            assertThat(r.exit()).as("%s", r).isEqualTo(1);
            assertThat(r.err()).contains(lan + " carries the default route");
        } finally {
            Script.run(dir, List.of("ip", "netns", "delete", ns));
        }
    }
}
