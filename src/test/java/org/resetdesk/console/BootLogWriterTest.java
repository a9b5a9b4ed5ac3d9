package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual recorder's console writer on a real pty pair, heard by the kiosk's SerialConsole. */
class BootLogWriterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MAC = "c0-56-e3-fe-42-92";

    @TempDir
    Path dir;

    private SocatPair pair;
    private SerialConsole console;
    private BootLogWriter writer;

    @AfterEach
    void tearDown() throws Exception {
        if (writer != null) {
            writer.close();
        }
        if (console != null) {
            console.stop();
        }
        if (pair != null) {
            pair.close();
        }
    }

    private RecordingListener listening(Map<ConsoleEventType, Long> firstSeenNanos, List<ConsoleEvent> events)
            throws Exception {
        long pid = ProcessHandle.current().pid();
        pair = SocatPair.start(dir.resolve("console-" + pid + "-kiosk"), dir.resolve("console-" + pid + "-recorder"));
        console = new SerialConsole(SerialSettings.defaults(pair.a().toString())
                .withRetry(Duration.ofMillis(20), Duration.ofMillis(200)), Clock.systemUTC());
        RecordingListener rec = new RecordingListener();
        console.addListener(rec);
        console.addEventListener((at, e) -> {
            firstSeenNanos.putIfAbsent(e.type(), System.nanoTime());
            events.add(e);
        });
        console.start();
        await().atMost(WAIT).until(console::isConnected);
        return rec;
    }

    @Test
    void aVirtualRebootIsSeenOnTheConsoleBannerFirstKernelLater() throws Exception {
        Map<ConsoleEventType, Long> seen = new ConcurrentHashMap<>();
        List<ConsoleEvent> events = new CopyOnWriteArrayList<>();
        RecordingListener rec = listening(seen, events);
        double scale = 0.05;
        writer = new BootLogWriter(pair.b(), scale);

        long start = System.nanoTime();
        BootLogWriter.Boot boot = writer.writeBoot("2010.06-svn19235", "Jan 15 2018 - 20:50:54", MAC);
        boot.done().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> seen.containsKey(ConsoleEventType.BOOTARGS));

        assertThat(rec.boots).containsExactly("U-Boot 2010.06-svn19235 (Jan 15 2018 - 20:50:54)");
        assertThat(events.get(0).type()).isEqualTo(ConsoleEventType.BOOT_BANNER);
        assertThat(events).filteredOn(e -> e.type() == ConsoleEventType.MAC).singleElement()
                .extracting(e -> e.field("mac")).isEqualTo(MAC);
        assertThat(seen.get(ConsoleEventType.BOOT_BANNER)).isLessThan(seen.get(ConsoleEventType.KERNEL_START));
        long kernelAfterMs = (seen.get(ConsoleEventType.KERNEL_START) - start) / 1_000_000;
        assertThat(kernelAfterMs).as("the kernel starts seconds (scaled) after power-on")
                .isGreaterThanOrEqualTo((long) (3300 * scale));
        assertThat(boot.bannerWritten()).isCompleted();
    }

    @Test
    void aBootThatHaltsIsAFailureNotJustABoot() throws Exception {
        RecordingListener rec = listening(new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>());
        writer = new BootLogWriter(pair.b(), 0.01);
        writer.play(BootScript.corruptKernel(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, MAC))
                .done().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> rec.failures.size() == 1);
        assertThat(rec.boots).hasSize(1);
        assertThat(rec.failures.get(0)).contains("LZMA data is corrupt");
    }

    @Test
    void aNewBootCutsTheOneBeingPrintedAndTheWriterFollowsARecreatedPty() throws Exception {
        RecordingListener rec = listening(new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>());
        writer = new BootLogWriter(pair.b(), 1.0); // full-length boot: the cut always lands before its end
        BootLogWriter.Boot first = writer.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, MAC);
        first.bannerWritten().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> rec.boots.size() == 1);
        writer.cut(); // power cut during the countdown
        assertThatThrownBy(() -> first.done().get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);

        pair.unplug();
        pair.plugIn();
        await().atMost(WAIT).until(() -> rec.connects() == 2);
        writer.close();
        writer = new BootLogWriter(pair.b(), 0.01);
        writer.writeBoot("2010.06-svn64409", MAC).done().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> rec.boots.size() == 2);
    }

    @Test
    void aMissingPortFailsTheBootFutureAndCreatesNothing() throws Exception {
        Path missing = dir.resolve("no-console-here");
        writer = new BootLogWriter(missing, 0.0);
        BootLogWriter.Boot boot = writer.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, MAC);
        assertThatThrownBy(() -> boot.done().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(missing)).isFalse();
        writer.close();
        assertThatThrownBy(() -> writer.writeBoot("x", "y", MAC)).isInstanceOf(IllegalStateException.class);
    }
}
