package org.resetdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.resetdesk.testsupport.NetnsLab;
import org.resetdesk.testsupport.NsProcess;

/**
 * The shop counter in network namespaces: one kiosk namespace, and per recorder a namespace of its own joined to
 * the kiosk by a veth pair (the kiosk end is that recorder's dedicated port). The real CLI ({@code org.resetdesk.Main})
 * and the real virtual recorder ({@code resetdesk recorder}) run as child JVMs; a staff member is added once into a
 * template database that each desk copies.
 */
final class E2eRig implements AutoCloseable {
    static final Duration JVM = Duration.ofSeconds(60);
    static final String MAIN = "org.resetdesk.Main";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String STAFF_PIN = "4711";

    final NetnsLab lab;
    final String kiosk;
    final Path dir;
    private final Path template;
    private final List<NsProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger seq = new AtomicInteger();

    private E2eRig(NetnsLab lab, Path dir) {
        this.lab = lab;
        this.kiosk = lab.namespace("kiosk");
        this.dir = dir;
        this.template = dir.resolve("template");
    }

    static E2eRig create() throws IOException {
        NetnsLab lab = NetnsLab.create("e2e");
        E2eRig rig = new E2eRig(lab, Files.createTempDirectory("rd-e2e-" + ProcessHandle.current().pid() + "-"));
        try {
            Files.createDirectories(rig.template.resolve("data"));
            NsProcess staff = rig.java(rig.kiosk, Map.of(), "--db", rig.template.resolve("db/resetdesk").toString(),
                    "--data-dir", rig.template.resolve("data").toString(), "staff", "add", "--id", "anna", "--name",
                    "Anna", "--pin-stdin");
            staff.writeStdin(STAFF_PIN + "\n");
            staff.closeStdin();
            assertThat(staff.awaitExit(JVM)).as(staff.dump()).isZero();
            return rig;
        } catch (RuntimeException | Error e) {
            rig.close();
            throw e;
        }
    }

    NsProcess java(String ns, Map<String, String> env, String... args) {
        NsProcess p = NsProcess.java(ns, env, MAIN, List.of(args));
        processes.add(p);
        return p;
    }

    /** All stdout and stderr captured from every child so far (for the secret scan). */
    String allOutput() {
        StringBuilder sb = new StringBuilder();
        synchronized (processes) {
            processes.forEach(p -> sb.append(p.dump()).append('\n'));
        }
        return sb.toString();
    }

    /**
     * Starts a recorder in a namespace of its own. {@code kioskCidr} goes on the kiosk's new dedicated port,
     * {@code ethCidr} on the recorder's eth0, and the recorder reports {@code ethCidr}'s address (via --ip).
     * Returns at once; {@link Recorder#awaitStarted} waits for its {@code started} line.
     */
    Recorder recorder(String profile, String kioskCidr, String ethCidr, String... extra) throws IOException {
        int n = seq.incrementAndGet();
        String ns = lab.namespace("rec" + n);
        String port = lab.ifName("ded");
        lab.link(kiosk, port, kioskCidr, ns, "eth0", ethCidr);
        // a veth end reports carrier a moment after both ends are set up (the kernel's link watch runs deferred)
        await().atMost(JVM).until(() -> operUp(ns, "eth0") && operUp(kiosk, port));
        Path state = Files.createDirectories(dir.resolve("rec" + n));
        List<String> args = new ArrayList<>(List.of("recorder", "--interface", "eth0", "--sadp-port", "37020",
                "--control-port", "18080", "--isapi-port", "8080", "--state-dir", state.toString(), "--profile",
                profile, "--ip", ethCidr));
        args.addAll(List.of(extra));
        return new Recorder(this, ns, port, ethCidr.substring(0, ethCidr.indexOf('/')), state,
                java(ns, Map.of(), args.toArray(String[]::new)));
    }

    private boolean operUp(String ns, String ifName) {
        return lab.exec(ns, "cat", "/sys/class/net/" + ifName + "/operstate").trim().equals("up");
    }

    /** A fresh job store (a copy of the template with staff "anna") working on {@code r}'s dedicated port. */
    Desk desk(Recorder r) throws IOException {
        Path d = dir.resolve("desk" + seq.incrementAndGet());
        copy(template, d);
        return new Desk(this, r, d);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, t);
                }
            }
        }
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Override
    public void close() {
        List<NsProcess> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        all.forEach(NsProcess::close);
        lab.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // temp files only
        }
    }

    /** One finished CLI run. */
    record Result(int exit, List<String> out, String err) {
        JsonNode json() {
            assertThat(out).as("stdout (stderr: %s)", err).isNotEmpty();
            return E2eRig.json(out.get(out.size() - 1));
        }
    }

    /** A running virtual recorder in its own namespace. */
    static final class Recorder {
        final E2eRig rig;
        final String ns;
        /** The kiosk's dedicated port wired to this recorder. */
        final String port;
        final String ip;
        final Path stateDir;
        final NsProcess process;
        JsonNode started;

        Recorder(E2eRig rig, String ns, String port, String ip, Path stateDir, NsProcess process) {
            this.rig = rig;
            this.ns = ns;
            this.port = port;
            this.ip = ip;
            this.stateDir = stateDir;
            this.process = process;
        }

        Recorder awaitStarted() {
            if (started == null) {
                started = json(process.awaitLine(0, l -> l.contains("\"started\""), JVM).text());
            }
            return this;
        }

        String serial() {
            return awaitStarted().started.get("serial").asText();
        }

        String mac() {
            return awaitStarted().started.get("mac").asText();
        }

        /** Starts {@code resetdesk recorder-ctl} inside the recorder's namespace (its control port is loopback). */
        NsProcess ctlAsync(String... args) {
            List<String> a = new ArrayList<>(List.of("recorder-ctl", "--control-port", "18080"));
            a.addAll(List.of(args));
            return rig.java(ns, Map.of(), a.toArray(String[]::new));
        }

        JsonNode ctl(String... args) {
            NsProcess p = ctlAsync(args);
            assertThat(p.awaitExit(JVM)).as(p.dump()).isZero();
            List<String> out = p.stdout();
            return out.isEmpty() ? null : json(out.get(out.size() - 1));
        }

        JsonNode state() {
            return ctl("state");
        }
    }
}
