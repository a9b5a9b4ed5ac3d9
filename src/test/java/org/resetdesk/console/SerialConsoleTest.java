package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SerialConsole on real socat pty pairs: the kiosk listens on {@code a}, the "recorder" prints on {@code b}. */
class SerialConsoleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BANNER = "U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)";

    @TempDir
    Path dir;

    private SocatPair pair;
    private SerialConsole console;
    private SerialPort peer;

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.stop();
        }
        if (peer != null) {
            peer.closePort();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private SocatPair pair() throws Exception {
        return SocatPair.start(dir.resolve("console-" + ProcessHandle.current().pid() + "-a"),
                dir.resolve("console-" + ProcessHandle.current().pid() + "-b"));
    }

    private static SerialSettings fastRetry(Path port) {
        return SerialSettings.defaults(port.toString()).withRetry(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    static SerialPort openPeer(Path path) {
        SerialPort p = SerialPort.getCommPort(path.toString());
        p.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 300, 0);
        assertThat(p.openPort()).as("open peer %s", path).isTrue();
        return p;
    }

    static void print(SerialPort port, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(port.writeBytes(b, b.length)).isEqualTo(b.length);
    }

    @Test
    void bootLogOnThePtyBecomesTypedEventsAndOneBootVerdict() throws Exception {
        pair = pair();
        console = new SerialConsole(fastRetry(pair.a()), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        List<ConsoleEvent> events = new CopyOnWriteArrayList<>();
        console.addListener(rec);
        console.addEventListener((at, e) -> events.add(e));
        console.start();
        await().atMost(WAIT).until(console::isConnected);
        peer = openPeer(pair.b());

        print(peer, new String(BootScript.nvr(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE,
                "08-a1-89-0e-18-97").bytes(), StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.type() == ConsoleEventType.BOOTARGS));

        assertThat(rec.boots).containsExactly(BANNER);
        assertThat(rec.failures).isEmpty();
        assertThat(rec.threads).allMatch(t -> t.startsWith("console-dispatch"));
        assertThat(events).extracting(ConsoleEvent::type).containsExactly(ConsoleEventType.BOOT_BANNER,
                ConsoleEventType.MAC, ConsoleEventType.AUTOBOOT_GATE, ConsoleEventType.RSA_OK,
                ConsoleEventType.KERNEL_START, ConsoleEventType.BOOTARGS);
        assertThat(rec.lines).startsWith(BANNER, "I2C:   ready", "DRAM:  512 MiB");

        print(peer, "Uncompressing Kernel Image ... LZMA data is corrupt -- System halted\r\n");
        await().atMost(WAIT).until(() -> rec.failures.size() == 1);
        assertThat(console.droppedLines()).isZero();
    }

    @Test
    void listenOnlyNothingEverReachesTheRecorderSide() throws Exception {
        pair = pair();
        peer = openPeer(pair.b());
        // control: a byte written on a really does arrive at b, so silence below means the console wrote nothing
        SerialPort probe = openPeer(pair.a());
        print(probe, "P");
        byte[] one = new byte[16];
        assertThat(peer.readBytes(one, one.length)).isEqualTo(1);
        probe.closePort();

        console = new SerialConsole(fastRetry(pair.a()), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        console.addListener(rec);
        console.start();
        await().atMost(WAIT).until(console::isConnected);
        print(peer, "\r\n" + BANNER + "\r\nHit ctrl+u to stop autoboot:  1\b\b\b 0 \r\nHKVS $ \r\n");
        await().atMost(WAIT).until(() -> rec.lines.contains("HKVS $ "));
        console.stop(); // closing must not write either

        byte[] buf = new byte[4096];
        int total = 0;
        for (int i = 0; i < 3; i++) {
            int n = peer.readBytes(buf, buf.length); // waits up to 300 ms each
            total += Math.max(0, n);
        }
        assertThat(total).as("bytes the console sent to the recorder").isZero();
        assertThat(rec.boots).containsExactly(BANNER);
    }

    @Test
    void unplugAndReplugIsReportedAndListeningResumes() throws Exception {
        pair = pair();
        console = new SerialConsole(fastRetry(pair.a()), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        console.addListener(rec);
        console.start();
        for (int cycle = 1; cycle <= 3; cycle++) {
            int c = cycle;
            await().atMost(WAIT).until(() -> rec.connects() == c && console.isConnected());
            peer = openPeer(pair.b());
            print(peer, BANNER + "\r\n");
            await().atMost(WAIT).until(() -> rec.boots.size() == c);
            peer.closePort();
            peer = null;

            pair.unplug();
            await().atMost(WAIT).until(() -> rec.disconnects() == c);
            assertThat(console.isConnected()).isFalse();
            pair.plugIn();
        }
        await().atMost(WAIT).until(() -> rec.connects() == 4);
        assertThat(rec.links).containsExactly(true, false, true, false, true, false, true);
        assertThat(rec.all.stream().filter(s -> s.startsWith("link:false")))
                .allMatch(s -> s.contains("went away") || s.contains("gone"));
    }

    @Test
    void aMissingPortIsReportedOnceThenPickedUpWhenItAppears() throws Exception {
        Path a = dir.resolve("late-a");
        console = new SerialConsole(fastRetry(a), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        console.addListener(rec);
        console.start();
        await().atMost(WAIT).until(() -> rec.disconnects() == 1);
        assertThat(rec.all.get(0)).startsWith("link:false:no such port: " + a);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> rec.links.size() == 1);

        pair = SocatPair.start(a, dir.resolve("late-b"));
        await().atMost(WAIT).until(console::isConnected);
        assertThat(rec.links).containsExactly(false, true);
    }

    @Test
    void aPathThatIsNotATerminalIsReportedAndNeverThrows() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-tty"), "U-Boot 2010.06-svn1 (Jan 01 2020 - 00:00:00)\n");
        console = new SerialConsole(fastRetry(file), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        console.addListener(rec);
        console.start();
        console.start(); // idempotent
        await().atMost(WAIT).until(() -> !rec.links.isEmpty());
        console.stop();
        console.stop();
        assertThat(rec.all).singleElement().asString().startsWith("link:false:cannot open " + file)
                .contains("not a terminal");
        assertThat(rec.boots).isEmpty();
    }

    @Test
    void listenersAreNotCalledAfterStopAndTheLinkCanStartAgain() throws Exception {
        pair = pair();
        console = new SerialConsole(fastRetry(pair.a()), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        console.addListener(rec);
        console.start();
        await().atMost(WAIT).until(console::isConnected);
        console.stop();
        assertThat(console.isConnected()).isFalse();
        int seen = rec.all.size();
        peer = openPeer(pair.b());
        print(peer, BANNER + "\r\n");
        console.start();
        await().atMost(WAIT).until(() -> rec.connects() == 2);
        print(peer, BANNER + "\r\n");
        await().atMost(WAIT).until(() -> !rec.boots.isEmpty());
        assertThat(rec.all.subList(0, seen)).noneMatch(s -> s.startsWith("boot:"));
    }
}
