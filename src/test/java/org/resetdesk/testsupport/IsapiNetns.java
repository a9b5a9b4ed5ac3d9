package org.resetdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Two network namespaces joined by a veth pair: a kiosk side (its end is the "dedicated port") and a recorder side.
 * The JVM stays in the host namespace, so TCP is carried across with socat over Unix sockets (the file system is
 * shared): host 127.0.0.1:P → kiosk namespace → veth → recorder namespace → the in-process server on 127.0.0.1.
 * Names include the JVM pid and a counter; {@link #close} removes everything it created. Needs root and socat.
 */
public final class IsapiNetns implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(15);

    public final String kioskNs;
    public final String recorderNs;
    /** The kiosk's dedicated port (inside {@link #kioskNs}). */
    public final String kioskIf;
    public final String recorderIf;
    public final Path dir;
    private final List<Process> processes = new ArrayList<>();

    private IsapiNetns(String tag) throws IOException {
        long pid = ProcessHandle.current().pid();
        kioskNs = "rdisapi-k-" + pid + "-" + tag;
        recorderNs = "rdisapi-r-" + pid + "-" + tag;
        kioskIf = "rik" + pid % 100000 + tag;
        recorderIf = "rir" + pid % 100000 + tag;
        dir = Files.createTempDirectory("rdisapi-" + pid + "-" + tag + "-");
    }

    /** Kiosk port {@code kioskCidr}, recorder {@code recorderCidr} (each A.B.C.D/NN), links up. */
    public static IsapiNetns create(String kioskCidr, String recorderCidr) throws Exception {
        IsapiNetns n = new IsapiNetns(String.valueOf(COUNTER.incrementAndGet()));
        try {
            n.ip("netns", "add", n.kioskNs);
            n.ip("netns", "add", n.recorderNs);
            n.ip("link", "add", n.kioskIf, "netns", n.kioskNs, "type", "veth", "peer", "name", n.recorderIf, "netns",
                    n.recorderNs);
            n.ip("-n", n.kioskNs, "addr", "add", kioskCidr, "dev", n.kioskIf);
            n.ip("-n", n.recorderNs, "addr", "add", recorderCidr, "dev", n.recorderIf);
            for (String[] s : new String[][] {{n.kioskNs, n.kioskIf}, {n.recorderNs, n.recorderIf}}) {
                n.ip("-n", s[0], "link", "set", "lo", "up");
                n.ip("-n", s[0], "link", "set", s[1], "up");
            }
            return n;
        } catch (Exception | AssertionError e) {
            n.close();
            throw e;
        }
    }

    public String ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Runs a command to completion (15 s at most) and returns its output; fails the test on a non-zero exit. */
    public static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s finished", cmd).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s: %s", cmd, out).isZero();
        return out;
    }

    /** The IPv4 addresses (A.B.C.D/NN) on an interface inside a namespace. */
    public List<String> addresses(String ns, String ifName) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : ip("-n", ns, "-o", "-4", "addr", "show", "dev", ifName).split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals("inet")) {
                    out.add(f[i + 1]);
                }
            }
        }
        return out;
    }

    /**
     * Makes {@code serverPort} on the host's 127.0.0.1 reachable as {@code recorderIp:port} inside the recorder
     * namespace, and returns a host 127.0.0.1 port whose connections leave from the kiosk namespace towards
     * {@code recorderIp:port}. The recorder-side socat logs its peers to {@link #recorderLog()}.
     */
    public int bridge(String recorderIp, int port, int serverPort) throws Exception {
        Path rec = dir.resolve("rec.sock");
        Path kiosk = dir.resolve("kiosk.sock");
        start(List.of("socat", "UNIX-LISTEN:" + rec + ",fork", "TCP:127.0.0.1:" + serverPort), null);
        await().atMost(WAIT).until(() -> Files.exists(rec));
        start(List.of("ip", "netns", "exec", recorderNs, "socat", "-d", "-d", "TCP-LISTEN:" + port + ",bind=" + recorderIp
                + ",reuseaddr,fork", "UNIX-CONNECT:" + rec), recorderLog());
        await().atMost(WAIT).until(() -> !run(List.of("ip", "netns", "exec", recorderNs, "ss", "-Hltn",
                "sport = :" + port)).isBlank());
        start(List.of("ip", "netns", "exec", kioskNs, "socat", "UNIX-LISTEN:" + kiosk + ",fork",
                "TCP:" + recorderIp + ":" + port + ",connect-timeout=3"), null);
        await().atMost(WAIT).until(() -> Files.exists(kiosk));
        int hostPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            hostPort = s.getLocalPort();
        }
        start(List.of("socat", "TCP-LISTEN:" + hostPort + ",bind=127.0.0.1,reuseaddr,fork", "UNIX-CONNECT:" + kiosk),
                null);
        await().atMost(WAIT).until(() -> !run(List.of("ss", "-Hltn", "sport = :" + hostPort)).isBlank());
        return hostPort;
    }

    public Path recorderLog() {
        return dir.resolve("recorder-socat.log");
    }

    private void start(List<String> cmd, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        processes.add(pb.start());
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String ns : List.of(kioskNs, recorderNs)) {
            try {
                new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // nothing more to do
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
