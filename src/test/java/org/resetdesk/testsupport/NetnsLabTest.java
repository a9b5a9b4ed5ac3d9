package org.resetdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The namespace helper itself: names, addressing, child processes, failures and clean-up. */
class NetnsLabTest {
    private static List<String> allNamespaces() {
        return List.of(NetnsLab.run("ip", "netns", "list").split("\n")).stream()
                .map(l -> l.split("\\s+")[0]).filter(s -> !s.isBlank()).toList();
    }

    @Test
    void buildsALinkThatCarriesTrafficAndRemovesEverythingOnClose() {
        List<String> created;
        try (NetnsLab lab = NetnsLab.create("lab")) {
            String a = lab.namespace("a");
            String b = lab.namespace("b");
            assertThat(a).startsWith("rd-lab-" + ProcessHandle.current().pid() + "-").endsWith("-a");
            String ifA = lab.ifName("left");
            String ifB = lab.ifName("right");
            assertThat(ifA).hasSizeLessThanOrEqualTo(15).isNotEqualTo(ifB);
            lab.link(a, ifA, "10.93.0.1/30", b, ifB, "10.93.0.2/30");
            assertThat(lab.exec(a, "ip", "-4", "addr", "show", ifA)).contains("10.93.0.1/30").contains("brd 10.93.0.3");
            assertThat(lab.exec(a, "cat", "/proc/sys/net/ipv4/conf/" + ifA + "/igmpv3_unsolicited_report_interval")
                    .trim()).as("IGMP repeats follow at once, never into a later counter window").isEqualTo("1");
            assertThat(lab.exec(a, "cat", "/proc/sys/net/ipv6/conf/" + ifA + "/disable_ipv6").trim()).isEqualTo("1");
            long before = lab.counter(b, ifB, "rx_packets");
            lab.exec(a, "bash", "-c", "echo hello > /dev/udp/10.93.0.2/9"); // bash /dev/udp: one datagram
            assertThat(lab.counter(b, ifB, "rx_packets")).isGreaterThan(before);
            assertThat(NetnsLab.run("ip", "link", "show")).as("nothing in the host namespace").doesNotContain(ifA);
            created = lab.namespaces();
            assertThat(allNamespaces()).containsAll(created);
        }
        assertThat(allNamespaces()).doesNotContainAnyElementsOf(created);
    }

    @Test
    void childProcessesAreCapturedAndFailuresCarryTheirOutput() {
        try (NetnsLab lab = NetnsLab.create("lab")) {
            String ns = lab.namespace("c");
            ChildJvm echo = lab.java(ns, Echo.class, "hello", "world");
            assertThat(echo.awaitLine(l -> l.startsWith("ARGS"), Duration.ofSeconds(60))).isEqualTo("ARGS hello world");
            assertThat(echo.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);
            assertThat(echo.stderr()).contains("to stderr");
            assertThatThrownBy(() -> echo.awaitLine(l -> l.equals("never"), Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("ARGS hello world");
            assertThatThrownBy(() -> lab.exec(ns, "ip", "link", "show", "nosuch0"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("nosuch0");
        }
    }

    /** A child main for the test above. */
    public static final class Echo {
        public static void main(String[] args) {
            System.out.println("ARGS " + String.join(" ", args));
            System.err.println("to stderr");
            System.exit(3);
        }
    }
}
