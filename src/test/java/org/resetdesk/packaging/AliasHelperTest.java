package org.resetdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packaging/bin/resetdesk-alias}, the root helper behind sudo: argument checks, the configured interface read
 * like java.util.Properties reads it, strict address validation against an independent model, and real add/del in a
 * network namespace this test creates. Exit codes are the ones {@code org.resetdesk.isapi.AddressAlias} maps:
 * 2 refused, 3 in use (try the next candidate), 4 not configured, 5 not added by the helper.
 */
class AliasHelperTest {
    private static final Path HELPER = Script.packaging("bin/resetdesk-alias");
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path config;
    private Path state;
    private final List<String> namespaces = new ArrayList<>();

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("kiosk.properties");
        state = dir.resolve("state");
        Files.writeString(config, "shop.name=Test\nsadp.interface=rdpk" + PID + "\n");
    }

    @AfterEach
    void dropNamespaces() {
        for (String ns : namespaces) {
            Script.run(dir, List.of("ip", "netns", "delete", ns));
        }
    }

    private Script.Result helper(String... args) {
        List<String> cmd = new ArrayList<>(List.of(HELPER.toString(), "--config", config.toString(), "--state-dir",
                state.toString()));
        cmd.addAll(List.of(args));
        return Script.run(dir, cmd);
    }

    @Test
    void badUsageExitsTwo() {
        List<List<String>> bad = List.of(List.of(), List.of("add"), List.of("add", "rdpk0"),
                List.of("add", "rdpk0", "192.0.0.9/24", "extra"), List.of("flush", "rdpk0"), List.of("list"),
                List.of("del", "rdpk0"), List.of("--force", "add", "rdpk0", "192.0.0.9/24"));
        for (List<String> args : bad) {
            Script.Result r = helper(args.toArray(String[]::new));
            assertThat(r.exit()).as("args %s: %s", args, r).isEqualTo(2);
            assertThat(r.err()).startsWith("usage: resetdesk-alias");
        }
    }

    @Test
    void refusesEveryInterfaceButTheConfiguredOne() {
        for (String other : List.of("eth0", "lo", "rdpk" + PID + "x", "RDPK" + PID, "-v", "a/b", "eth0 lo",
                "toolonginterfacename0", "")) {
            Script.Result r = helper("add", other, "192.0.0.9/24");
            assertThat(r.exit()).as("%s: %s", other, r).isEqualTo(2);
            assertThat(r.err()).contains("refused:");
        }
    }

    @Test
    void overridingTheConfigThroughSudoIsRefused() {
        Script.Result r = Script.run(dir, Map.of("SUDO_UID", "1000", "SUDO_USER", "resetdesk"),
                List.of(HELPER.toString(), "--config", config.toString(), "add", "rdpk" + PID, "192.0.0.9/24"));
        assertThat(r.exit()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("not allowed through sudo");
    }

    @Test
    void readsTheConfiguredInterfaceAsJavaPropertiesDoes() throws IOException {
        Random rnd = new Random(0x5ad9_1fL);
        String[] seps = {"=", " = ", ":", " : ", " ", "\t", "\t=\t", "  ", "=  "};
        String[] lead = {"", " ", "\t", "  "};
        String[] trail = {"", " ", "\t", "  "};
        for (int round = 0; round < 60; round++) {
            StringBuilder text = new StringBuilder();
            boolean escaped = false;
            int lines = 1 + rnd.nextInt(7);
            for (int i = 0; i < lines; i++) {
                String eol = rnd.nextInt(5) == 0 ? "\r\n" : "\n";
                switch (rnd.nextInt(7)) {
                    case 0 -> text.append("# sadp.interface=eth").append(rnd.nextInt(9)).append(eol);
                    case 1 -> text.append(lead[rnd.nextInt(lead.length)]).append("! sadp.interface=wlan0").append(eol);
                    case 2 -> text.append("sadp.interfaces=enp9s0").append(eol);
                    case 3 -> text.append("shop.name").append(seps[rnd.nextInt(seps.length)]).append("Camera Shop")
                            .append(eol);
                    case 4 -> text.append(eol);
                    default -> {
                        String value = switch (rnd.nextInt(6)) {
                            case 0 -> "";
                            case 1 -> "enx00e04c68" + Integer.toHexString(0x1000 + rnd.nextInt(0xefff));
                            case 2 -> rnd.nextInt(8) == 0 ? "enp\\" + rnd.nextInt(9) + "s0" : "eth" + rnd.nextInt(99);
                            default -> "enp" + rnd.nextInt(9) + "s" + rnd.nextInt(4);
                        };
                        escaped |= value.contains("\\");
                        String sep = value.isEmpty() && rnd.nextBoolean() ? "" : seps[rnd.nextInt(seps.length)];
                        text.append(lead[rnd.nextInt(lead.length)]).append("sadp.interface").append(sep).append(value)
                                .append(trail[rnd.nextInt(trail.length)]).append(eol);
                    }
                }
            }
            Files.writeString(config, text, StandardCharsets.UTF_8);
            Properties p = new Properties();
            p.load(new StringReader(text.toString()));
            String expected = p.getProperty("sadp.interface", "").stripTrailing();

            Script.Result r = helper("add", "zz0", "192.0.0.9/24");
            boolean configured = !escaped && !expected.isEmpty();
            assertThat(r.exit()).as("config:\n%s\n%s", text, r).isEqualTo(configured ? 2 : 4);
            if (escaped) {
                assertThat(r.err()).as("config:\n%s", text).contains("backslash escape");
            } else if (expected.isEmpty()) {
                assertThat(r.err()).as("config:\n%s", text).contains("sadp.interface is not set");
            } else {
                assertThat(r.err()).as("config:\n%s", text)
                        .contains("is not the configured sadp.interface '" + expected + "'");
            }
        }
    }

    @Test
    void aContinuedLineAnywhereIsRefused() throws IOException {
        Files.writeString(config, "shop.address=Main St 1, \\\n  Berlin\nsadp.interface=rdpk" + PID + "\n");
        Script.Result r = helper("add", "rdpk" + PID, "192.0.0.9/24");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("continues a line with a backslash");
    }

    @Test
    void validatesAddressesLikeTheModel() {
        Random rnd = new Random(20261125L);
        String iface = "rdpk" + PID;   // configured but absent: a valid address gets as far as "does not exist"
        int valid = 0;
        for (int round = 0; round < 150; round++) {
            String candidate = AddressModel.candidate(rnd);
            String problem = AddressModel.problem(candidate);
            Script.Result r = helper("add", iface, candidate);
            assertThat(r.exit()).as("%s: %s", candidate, r).isEqualTo(2);
            if (problem == null) {
                valid++;
                assertThat(r.err()).as("valid %s", candidate).contains("interface '" + iface + "' does not exist");
            } else {
                assertThat(r.err()).as("invalid (%s) %s", problem, candidate)
                        .contains("refused: '" + candidate + "'").doesNotContain("does not exist");
            }
        }
        assertThat(valid).as("the generator must produce valid addresses too").isBetween(20, 130);
    }

    @Test
    void addsListsAndDeletesOnlyItsOwnAliasesInANamespace() throws IOException {
        String ns = namespace();
        String port = "rdpk" + PID;
        String lan = "rdpl" + PID;
        Script.must(dir, "ip", "-n", ns, "link", "add", port, "type", "veth", "peer", "name", lan);
        Script.must(dir, "ip", "-n", ns, "link", "set", port, "up");
        Script.must(dir, "ip", "-n", ns, "link", "set", lan, "up");
        Script.must(dir, "ip", "-n", ns, "addr", "add", "192.0.0.128/24", "dev", port);
        Script.must(dir, "ip", "-n", ns, "addr", "add", "10.42.0.5/16", "dev", lan);
        Script.must(dir, "ip", "-n", ns, "route", "add", "172.16.0.0/12", "via", "10.42.0.1");

        Script.Result add = inNs(ns, "add", port, "192.168.1.200/24");
        assertThat(add.exit()).as("%s", add).isZero();
        String label = port.length() <= 12 ? port + ":rd" : port;
        assertThat(addresses(ns, port)).contains("inet 192.168.1.200/24").contains(label);
        assertThat(inNs(ns, "list", port).out().lines()).containsExactly("192.168.1.200/24");

        Script.Result again = inNs(ns, "add", port, "192.168.1.200/24");
        assertThat(again.exit()).as("in use: %s", again).isEqualTo(3);
        assertThat(again.err()).contains("already on this machine");
        Script.Result taken = inNs(ns, "add", port, "10.42.0.5/24");
        assertThat(taken.exit()).as("another interface's address: %s", taken).isEqualTo(3);
        Script.Result overlapLan = inNs(ns, "add", port, "10.42.7.1/24");
        assertThat(overlapLan.exit()).isEqualTo(2);
        assertThat(overlapLan.err()).contains("overlaps 10.42.0.5/16 on " + lan);
        Script.Result overlapRoute = inNs(ns, "add", port, "172.20.1.1/24");
        assertThat(overlapRoute.exit()).isEqualTo(2);
        assertThat(overlapRoute.err()).contains("overlaps 172.16.0.0/12 on " + lan);

        Script.Result delStatic = inNs(ns, "del", port, "192.0.0.128/24");
        assertThat(delStatic.exit()).isEqualTo(5);
        assertThat(delStatic.err()).contains("was not added by resetdesk-alias");
        assertThat(addresses(ns, port)).contains("inet 192.0.0.128/24");

        Script.Result del = inNs(ns, "del", port, "192.168.1.200/24");
        assertThat(del.exit()).as("%s", del).isZero();
        assertThat(addresses(ns, port)).doesNotContain("192.168.1.200").contains("inet 192.0.0.128/24");
        assertThat(inNs(ns, "list", port).out()).isEmpty();
        Script.Result delAgain = inNs(ns, "del", port, "192.168.1.200/24");
        assertThat(delAgain.exit()).isEqualTo(5);
        assertThat(delAgain.err()).contains("was not added by resetdesk-alias");
    }

    private Script.Result inNs(String ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of(HELPER.toString(), "--config", config.toString(), "--state-dir",
                state.toString()));
        cmd.addAll(List.of(args));
        return Script.inNamespace(dir, ns, cmd);
    }

    private String addresses(String ns, String iface) {
        return Script.must(dir, "ip", "-n", ns, "-o", "-4", "addr", "show", "dev", iface);
    }

    private String namespace() {
        String ns = "rd-packaging-" + PID + "-" + namespaces.size();
        Script.must(dir, "ip", "netns", "add", ns);
        namespaces.add(ns);
        return ns;
    }
}
