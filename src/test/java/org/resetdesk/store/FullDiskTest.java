package org.resetdesk.store;

import org.resetdesk.job.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/** A real full disk: a 4 MiB tmpfs mounted for the test (the test runs as root), filled with a file. */
class FullDiskTest {
    private final Path mount = Path.of("/tmp", "resetdesk-store-full-" + ProcessHandle.current().pid());

    @BeforeEach
    void mountSmallDisk() throws Exception {
        Files.createDirectories(mount);
        run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mount.toString());
        Files.deleteIfExists(mount);
    }

    @Test
    void anArtifactThatDoesNotFitFailsClearlyAndLeavesNoPartialFile() throws IOException {
        FileArtifacts files = new FileArtifacts(mount.resolve("data"));
        files.store("RD-000001", "small.bin", new byte[1000]);
        assertThatThrownBy(() -> files.store("RD-000001", "photo.jpg", new byte[5 * 1024 * 1024]))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("disk full: could not store photo.jpg for job RD-000001 in "
                        + mount.resolve("data/jobs/RD-000001"))
                .hasMessageEndingWith("nothing was written");
        try (Stream<Path> left = Files.list(mount.resolve("data/jobs/RD-000001"))) {
            assertThat(left).containsExactly(mount.resolve("data/jobs/RD-000001/small.bin"));
        }
    }

    @Test
    void refusesToStartADatabaseOnAFullDisk() throws IOException {
        fill(mount.resolve("filler"));
        assertThatThrownBy(() -> H2Database.open(mount.resolve("db/kiosk"), H2Database.Options.createIfMissing()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("disk full: only 0 KiB free at " + mount.resolve("db"));
        assertThat(mount.resolve("db/kiosk.mv.db")).doesNotExist();
        assertThatThrownBy(() -> H2Database.open(mount.resolve("db/kiosk"), new H2Database.Options(false, 0, 0)))
                .as("with the free-space check off, H2's own failure is still reported as a full disk")
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("disk full: cannot open " + mount.resolve("db/kiosk.mv.db"));
    }

    @Test
    void aSaveOnAFullDiskFailsAndEverythingAcknowledgedSurvives() throws IOException {
        MutableClock clock = new MutableClock(TestJobs.T0);
        H2Database db = H2Database.open(mount.resolve("db/kiosk"), new H2Database.Options(false, 0, 0));
        H2JobRepository jobs = new H2JobRepository(db);
        Job first = TestJobs.open(jobs.nextJobId(), "Ann", "DS-1", clock);
        jobs.save(first, List.of(JobEvent.of(first.id(), clock.instant(), "job.opened", null)));
        fill(mount.resolve("filler"));
        Job big = TestJobs.open(jobs.nextJobId(), "B".repeat(100), "DS-2", clock);
        String detail = "x".repeat(15_000);
        int[] acknowledged = {0};
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                jobs.save(big, List.of(JobEvent.of(big.id(), clock.instant(), "note", detail)));
                acknowledged[0]++;
            }
        }).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        Files.delete(mount.resolve("filler"));
        try {
            db.close();
        } catch (StoreException alreadyBroken) {
            // H2 may have closed the database itself when the write failed; the reopen below is what counts
        }
        try (H2Database again = H2Database.open(mount.resolve("db/kiosk"), new H2Database.Options(true, 0, 0))) {
            H2JobRepository reopened = new H2JobRepository(again);
            assertThat(reopened.find(first.id())).contains(first);
            assertThat(reopened.events(big.id()).size()).isGreaterThanOrEqualTo(acknowledged[0]);
            assertThat(new AuditChain(again).verify().intact()).isTrue();
        }
    }

    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!H2Errors.isDiskFull(full)) {
                throw full;
            }
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
