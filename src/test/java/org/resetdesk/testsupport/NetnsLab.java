package org.resetdesk.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Linux network namespaces for tests: real interfaces, real multicast and broadcast, nothing on the host's network.
 * Needs root (CI runs as root) and {@code iproute2}. Every name carries the area, the JVM's pid and a counter, so
 * parallel test runs on one machine never collide; {@link #close} (and a shutdown hook, if the JVM dies first)
 * kills the child processes and deletes the namespaces, which also removes their veth pairs.
 *
 * <pre>{@code
 * try (NetnsLab lab = NetnsLab.create("sadp")) {
 *     String kiosk = lab.namespace("kiosk");          // rd-sadp-<pid>-<n>-kiosk, lo up, IPv6 off
 *     String rec = lab.namespace("rec");
 *     String port = lab.ifName("ded");                // short unique interface name (<= 15 chars)
 *     lab.link(kiosk, port, "10.91.1.1/24", rec, "eth0", "192.168.1.64/24");
 *     try (ChildJvm dev = lab.java(rec, TestSadpResponder.class, "--interface", "eth0", ...)) {
 *         dev.awaitLine(l -> l.startsWith("READY"), Duration.ofSeconds(30));
 *         ChildJvm cli = lab.java(kiosk, "org.resetdesk.Main", List.of(), "discover", "--interface", port);
 *         cli.awaitExit(Duration.ofSeconds(30));
 *     }
 * }
 * }</pre>
 *
 * The JVM cannot enter a namespace, so code that must run inside one runs as a child JVM
 * ({@code ip netns exec NS java -cp <test classpath> MAIN ...}) whose output {@link ChildJvm} captures.
 * IPv6 is switched off in every namespace so that interface counters only move for the traffic a test sends. The
 * kernel's own IGMP membership reports cannot be switched off (a SADP socket joins 239.255.255.250), but their
 * retransmissions are pulled to within a millisecond of the join or leave: with the default 1 s interval a late
 * "leave" repeat from one test's discover landed in the next test's counter window (a CI failure, 6 packets seen
 * where 5 were sent).
 */
public final class NetnsLab implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private final String area;
    private final String prefix;
    private final List<String> namespaces = Collections.synchronizedList(new ArrayList<>());
    private final List<ChildJvm> children = Collections.synchronizedList(new ArrayList<>());
    private final Thread hook;

    private NetnsLab(String area) {
        this.area = area;
        this.prefix = "rd-" + area + "-" + PID + "-" + SEQ.incrementAndGet();
        this.hook = new Thread(this::cleanUp, "netns-lab-cleanup-" + prefix);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @param area short lower-case name of the calling area ({@code sadp}, {@code recorder}, …), at most 8 chars
     * @throws IllegalStateException when not root or {@code ip} is missing (the test then fails, never skips)
     */
    public static NetnsLab create(String area) {
        if (!area.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("area must be 1-8 lower-case letters or digits: " + area);
        }
        removeStale(area);
        return new NetnsLab(area);
    }

    /**
     * Deletes namespaces this area left behind in an earlier run whose JVM died without cleaning up (kill -9): names
     * {@code rd-<area>-<pid>-…} whose pid is no longer alive. Never touches another area's or a live JVM's.
     */
    static void removeStale(String area) {
        for (String line : run("ip", "netns", "list").split("\n")) {
            String name = line.split("\\s+")[0];
            String head = "rd-" + area + "-";
            if (!name.startsWith(head)) {
                continue;
            }
            String[] parts = name.substring(head.length()).split("-");
            try {
                long pid = Long.parseLong(parts[0]);
                if (pid != PID && ProcessHandle.of(pid).isEmpty()) {
                    run("ip", "netns", "del", name);
                }
            } catch (NumberFormatException | IllegalStateException e) {
                // not ours or already gone
            }
        }
    }

    /**
     * Creates namespace {@code <prefix>-<role>} with loopback up, IPv6 disabled and IGMP report repeats immediate
     * (for interfaces created afterwards); returns its name.
     */
    public String namespace(String role) {
        String ns = prefix + "-" + role;
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "-n", ns, "link", "set", "lo", "up");
        exec(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        exec(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        exec(ns, "sysctl", "-qw", "net.ipv4.conf.default.igmpv3_unsolicited_report_interval=1");
        exec(ns, "sysctl", "-qw", "net.ipv4.conf.default.igmpv2_unsolicited_report_interval=1");
        return ns;
    }

    /** A short interface name unique to this JVM: {@code role} (<= 4 chars) + pid + a counter; <= 15 chars. */
    public String ifName(String role) {
        String r = role.length() > 4 ? role.substring(0, 4) : role;
        String name = r + (PID % 1_000_000) + "x" + SEQ.incrementAndGet() % 100;
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    /**
     * Creates a veth pair with one end in each namespace, addresses them ({@code brd +}; a null CIDR leaves that
     * end without an address) and brings both ends up. Ends are created directly inside their namespaces, so the
     * names never meet the host's interfaces.
     */
    public void link(String nsA, String ifA, String cidrA, String nsB, String ifB, String cidrB) {
        run("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        configure(nsA, ifA, cidrA);
        configure(nsB, ifB, cidrB);
    }

    private void configure(String ns, String ifName, String cidr) {
        if (cidr != null) {
            run("ip", "-n", ns, "addr", "add", cidr, "brd", "+", "dev", ifName);
        }
        run("ip", "-n", ns, "link", "set", ifName, "up");
    }

    /** Sets an interface down or up (to test a down dedicated port). */
    public void setLink(String ns, String ifName, boolean up) {
        run("ip", "-n", ns, "link", "set", ifName, up ? "up" : "down");
    }

    /** An interface counter from {@code /sys/class/net/IF/statistics/} ({@code tx_packets}, {@code rx_packets}…). */
    public long counter(String ns, String ifName, String stat) {
        return Long.parseLong(exec(ns, "cat", "/sys/class/net/" + ifName + "/statistics/" + stat).trim());
    }

    /** Runs a command inside the namespace and returns its stdout; throws with stderr when it fails. */
    public String exec(String ns, String... cmd) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(List.of(cmd));
        return run(all.toArray(String[]::new));
    }

    /** Starts {@code main} in a child JVM inside the namespace, with the test classpath. */
    public ChildJvm java(String ns, Class<?> main, String... args) {
        return java(ns, main.getName(), List.of(), args);
    }

    /** Starts {@code mainClass} in a child JVM inside the namespace, with extra JVM options. */
    public ChildJvm java(String ns, String mainClass, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, javaBinary(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Djava.net.preferIPv4Stack=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", testClasspath(), mainClass));
        cmd.addAll(List.of(args));
        ChildJvm child = ChildJvm.start(ns + ":" + mainClass.substring(mainClass.lastIndexOf('.') + 1), cmd);
        children.add(child);
        return child;
    }

    /** The classpath of the running tests (surefire's real one when it uses a manifest-only jar). */
    public static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a host command (no namespace), returns stdout; throws IllegalStateException with stderr on failure. */
    public static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8).trim());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    public String area() {
        return area;
    }

    public List<String> namespaces() {
        return List.copyOf(namespaces);
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    private void cleanUp() {
        List<ChildJvm> kids;
        synchronized (children) {
            kids = new ArrayList<>(children);
            children.clear();
        }
        kids.forEach(ChildJvm::close);
        List<String> names;
        synchronized (namespaces) {
            names = new ArrayList<>(namespaces);
            namespaces.clear();
        }
        Collections.reverse(names);
        for (String ns : names) {
            try {
                run("ip", "netns", "del", ns);
            } catch (IllegalStateException e) {
                System.err.println("netns cleanup: " + e.getMessage());
            }
        }
    }
}
