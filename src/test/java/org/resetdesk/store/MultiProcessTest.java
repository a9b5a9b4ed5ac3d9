package org.resetdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/**
 * The kiosk JVM holds the database; this JVM and a headless {@code resetdesk audit verify} JVM use it at the same
 * time through H2's automatic mixed mode, whose server listens on loopback only.
 */
class MultiProcessTest {
    @TempDir
    Path dir;

    @Test
    void headlessProcessesWorkWhileTheKioskHoldsTheDatabase() throws Exception {
        Path base = Files.createDirectories(dir.resolve("db")).resolve("kiosk");
        // no -Dh2.bindAddress here: H2Database must bind the server to loopback by itself
        try (ChildJvm kiosk = ChildJvm.start(List.of(), dir.resolve("kiosk.err"), KioskProcess.class, "kiosk",
                base.toString())) {
            String kioskJob = kiosk.await(l -> l.startsWith("ready "), ChildJvm.timeout()).substring(6);

            List<Listener> listeners = listeners(kiosk.pid());
            int port = lockFilePort(base);
            assertThat(listeners).as("the kiosk's listening sockets").isNotEmpty()
                    .allSatisfy(l -> assertThat(l.loopback()).as("listens on %s", l).isTrue());
            assertThat(listeners).extracting(Listener::port).contains(port);
            for (InetAddress a : nonLoopbackAddresses()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), 2000);
                    throw new AssertionError("the database server answered on " + a + ":" + port);
                } catch (ConnectException expected) {
                    // refused: nothing listens there
                }
            }

            Clock clock = Clock.systemUTC();
            try (H2Database db = H2Database.open(base, H2Database.Options.existing())) {
                H2JobRepository jobs = new H2JobRepository(db);
                assertThat(jobs.find(kioskJob)).get().extracting(j -> j.intake().customerName()).isEqualTo("Kiosk Customer");
                Job mine = TestJobs.open(jobs.nextJobId(), "Headless Customer", "DS-H", clock);
                jobs.save(mine, List.of(JobEvent.of(mine.id(), clock.instant(), "job.opened", "from the CLI"),
                        JobEvent.of(mine.id(), clock.instant(), "note", "second")));

                kiosk.send("find " + mine.id());
                assertThat(kiosk.await(l -> l.startsWith("found "), ChildJvm.timeout()))
                        .isEqualTo("found " + mine.id() + " INTAKE Headless Customer");
                kiosk.send("events " + mine.id());
                assertThat(kiosk.await(l -> l.startsWith("events "), ChildJvm.timeout())).isEqualTo("events 2");

                try (ChildJvm cli = ChildJvm.start(dir.resolve("cli.err"), org.resetdesk.Main.class,
                        "--db", base.toString(), "audit", "verify")) {
                    List<String> out = cli.drainAfterExit(ChildJvm.timeout());
                    assertThat(cli.exitValue()).as("stderr: %s", Files.readString(dir.resolve("cli.err"))).isZero();
                    assertThat(out).containsExactly("audit: 3 events verified, chain intact");
                }

                kiosk.send("quit");
                kiosk.await("closed"::equals, ChildJvm.timeout());
                List<JobEvent> after = jobs.save(mine, List.of(JobEvent.of(mine.id(), clock.instant(), "note",
                        "after the kiosk closed")));
                assertThat(after).extracting(JobEvent::seq).containsExactly(4L);
                assertThat(new AuditChain(db).verify().describe()).isEqualTo("audit: 4 events verified, chain intact");
            }
        }
    }

    @Test
    void refusesToStartWhenH2WouldListenBeyondLoopback() throws Exception {
        H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing()).close();
        try (ChildJvm cli = ChildJvm.start(List.of("-Dh2.bindAddress=0.0.0.0"), dir.resolve("cli.err"),
                org.resetdesk.Main.class, "--db", dir.resolve("db/kiosk").toString(), "audit", "verify")) {
            assertThat(cli.drainAfterExit(ChildJvm.timeout())).isEmpty();
            assertThat(cli.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("cli.err"))).isEqualTo("audit verify: the database server would"
                    + " listen on 0.0.0.0; start the JVM with -Dh2.bindAddress=127.0.0.1\n");
        }
    }

    record Listener(String address, int port, boolean loopback) {}

    /** TCP sockets in LISTEN state owned by {@code pid}, from /proc (IPv4 and IPv6). */
    static List<Listener> listeners(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<Listener> out = new ArrayList<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !f[3].equals("0A") || !inodes.contains(f[9])) {
                    continue;
                }
                String[] local = f[1].split(":");
                String hex = local[0];
                int port = Integer.parseInt(local[1], 16);
                boolean loopback = hex.equals("0100007F") || hex.endsWith("0100007F") && hex.startsWith("0000000000000000FFFF0000")
                        || hex.equals("00000000000000000000000001000000") || hex.matches("[0-9A-F]{6}7F");
                out.add(new Listener(hex, port, loopback));
            }
        }
        return out;
    }

    private static int lockFilePort(Path base) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(base.resolveSibling("kiosk.lock.db"), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        String server = p.getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (!(a instanceof Inet6Address) && !a.isLoopbackAddress()) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
