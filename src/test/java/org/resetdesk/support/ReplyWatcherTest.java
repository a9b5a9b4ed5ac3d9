package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;

class ReplyWatcherTest {
    private static final String CAMERA = "DS-2CD2622FWD-IZS20180312BBWR681619114";

    @TempDir
    Path dir;

    private final List<ReplyIntake.Result> results = new CopyOnWriteArrayList<>();
    private final List<ReplyIntake.Accepted> accepted = new CopyOnWriteArrayList<>();
    private FakeJobs jobs;
    private ReplyIntake intake;
    private ReplyWatcher watcher;
    private Path folder;

    @BeforeEach
    void setUp() {
        Job job = TestJobs.exported("RD-000700", CAMERA, TestJobs.intake("anna", "A", "a@x.test", false, CAMERA),
                Instant.parse("2026-11-24T10:00:00Z"));
        String other = "DS-7608NI-E2/8P0820160211AAWR123456789WCVU";
        jobs = new FakeJobs().with(job, TestJobs.exported("RD-000701", other,
                TestJobs.intake("ben", "B", "b@x.test", false, other), Instant.parse("2026-11-24T11:00:00Z")));
        intake = new ReplyIntake(jobs, new DirArtifacts(dir.resolve("artifacts")), jobs, Clock.systemUTC(),
                new ReplyCheck(ReplyCheck.DEFAULT_MAX_BYTES), accepted::add);
        folder = dir.resolve("usb");
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void startWatching(Duration rescan) {
        watcher = new ReplyWatcher(folder, intake, rescan, Duration.ofMillis(150), results::add);
        watcher.start();
    }

    /** Drops a file the way a copy does: written elsewhere, then moved in. */
    private void drop(String name, byte[] bytes) throws Exception {
        Path tmp = dir.resolve("staging-" + name);
        Files.write(tmp, bytes);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aDroppedReplyIsMatchedStoredWithItsHashAndLogged() throws Exception {
        Files.createDirectories(folder);
        startWatching(Duration.ofSeconds(30)); // the rescan is too slow to matter: the WatchService must react
        byte[] reply = "<ResetCode><Code>QUJDREVG</Code></ResetCode>".getBytes(StandardCharsets.UTF_8);
        drop("Encrypt_681619114_o2.xml", reply);

        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() == 1);
        ReplyIntake.Accepted a = accepted.get(0);
        assertThat(a.jobId()).isEqualTo("RD-000700");
        assertThat(a.how()).isEqualTo("short serial");
        assertThat(a.stored().sha256()).isEqualTo(ReplyIntake.sha256(reply));
        assertThat(Files.readAllBytes(a.stored().path())).isEqualTo(reply);
        assertThat(jobs.events("RD-000700")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(SupportEvents.REPLY_RECEIVED);
            assertThat(e.detail()).contains(a.stored().sha256(), "Encrypt_681619114_o2.xml", "short serial");
        });
        assertThat(Files.exists(folder.resolve("Encrypt_681619114_o2.xml"))).as("never deleted").isTrue();
    }

    @Test
    void aStickMountedAfterStartIsFoundByTheRescan() throws Exception {
        startWatching(Duration.ofMillis(100));
        Files.createDirectories(folder);
        drop("Encrypt_681619114_o2.xml", "Zx8kP2mQ".getBytes(StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() == 1);
        assertThat(accepted.get(0).shape()).isEqualTo(ReplyCheck.Shape.KEY);
    }

    @Test
    void oversizedBinaryAndUnmatchedFilesAreNotAccepted() throws Exception {
        Files.createDirectories(folder);
        startWatching(Duration.ofMillis(100));
        drop("Encrypt_681619114_big.xml", new byte[200_000]);
        drop("photo_681619114.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 1, 2});
        drop("reply.xml", "<Code>QUJD</Code>".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 3);

        assertThat(accepted).isEmpty();
        assertThat(results).filteredOn(r -> r instanceof ReplyIntake.Rejected).hasSize(2);
        assertThat(jobs.events("RD-000700")).extracting(e -> e.type())
                .containsOnly(SupportEvents.REPLY_REJECTED).hasSize(2);
        // the unmatched one waits for staff, who pick the job
        ReplyIntake.Pending p = intake.pending().get(0);
        assertThat(p.reply().fileName()).isEqualTo("reply.xml");
        var r = intake.assign(p.sha256(), "RD-000701");
        assertThat(r).isInstanceOf(ReplyIntake.Accepted.class);
        assertThat(((ReplyIntake.Accepted) r).how()).isEqualTo("staff choice");
        assertThat(intake.pending()).isEmpty();
    }

    @Test
    void linksAndPipesOnTheStickAreIgnored() throws Exception {
        Files.createDirectories(folder);
        Path outside = dir.resolve("secret.xml");
        Files.writeString(outside, "<Code>c2VjcmV0</Code>");
        Files.createSymbolicLink(folder.resolve("Encrypt_681619114_link.xml"), outside);
        Process p = new ProcessBuilder("mkfifo", folder.resolve("Encrypt_681619114_pipe.xml").toString()).start();
        assertThat(p.waitFor()).isZero();
        startWatching(Duration.ofMillis(100));
        drop("Encrypt_681619114_o2.xml", "Zx8kP2mQ".getBytes(StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> results.size() == 1);
        assertThat(accepted.get(0).stored().path().getFileName().toString()).isEqualTo("Encrypt_681619114_o2.xml");
    }

    @Test
    void replyNamesCannotEscapeTheJobsFolder() {
        assertThat(ReplyIntake.safeName("../../etc/cron.d/x.xml")).isEqualTo("x.xml");
        assertThat(ReplyIntake.safeName("..\\..\\boot.ini")).isEqualTo("boot.ini");
        assertThat(ReplyIntake.safeName("..")).isEqualTo("reply..");
        assertThat(ReplyIntake.safeName("a b;rm -rf.xml")).isEqualTo("a_b_rm_-rf.xml");
        assertThat(ReplyIntake.safeName(null)).isEqualTo("reply");
    }

    @Test
    void theSameReplyTwiceIsStoredOnce() throws Exception {
        Files.createDirectories(folder);
        startWatching(Duration.ofMillis(100));
        byte[] reply = "<Code>QUJDREVGR0g=</Code>".getBytes(StandardCharsets.UTF_8);
        drop("Encrypt_681619114_o2.xml", reply);
        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() == 1);
        drop("Encrypt_681619114_o2 (1).xml", reply);
        await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 2);
        assertThat(results.get(1)).isInstanceOf(ReplyIntake.Duplicate.class);
        assertThat(jobs.events("RD-000700")).hasSize(1);
    }
}
