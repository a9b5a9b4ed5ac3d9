package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.FakeRecorderLink;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import org.resetdesk.testsupport.SecretScan;

/**
 * The per-job console transcript with real parts: a boot log written on a socat pty, read by {@link SerialConsole},
 * lands in {@code <data>/jobs/<id>/console-<stamp>.log}; the H2 job log names the file when it starts and, when the
 * job closes, its line count and SHA-256. The customer's new password (handled by the same job meanwhile) and a
 * password printed on the console never reach the disk in plain text.
 */
class JobTranscriptsTest {
    private static final String NEW_PASSWORD = "Tr4vel-Blue9-Xq";
    private static final String CONSOLE_SECRET = "Hunter2-console";

    @TempDir
    Path dir;

    private SocatPair pair;
    private SerialConsole console;
    private BootLogWriter recorder;
    private JobTranscripts transcripts;
    private H2Database db;

    @AfterEach
    void tearDown() throws Exception {
        if (recorder != null) {
            recorder.close();
        }
        if (console != null) {
            console.stop();
        }
        if (transcripts != null) {
            transcripts.close();
        }
        if (pair != null) {
            pair.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aBootBannerLandsInTheJobsTranscriptWhichTheJobLogNamesWithItsHashWhenTheJobCloses() throws Exception {
        Path data = dir.resolve("data");
        db = H2Database.open(dir.resolve("db/kiosk"), H2Database.Options.createIfMissing());
        H2JobRepository repo = new H2JobRepository(db);
        FakeRecorderLink link = new FakeRecorderLink(FakeRecorderLink.nvr("2026-11-20 08:00:00"));
        JobService svc = new JobService(repo, link, new FileArtifacts(data), Clock.systemUTC(), Runnable::run);
        Job job = svc.open(new Intake("anna", "Max Muster", "+49 170 000", Intake.OwnershipKind.INVOICE, "INV-42",
                null, null, "consent-v1", Instant.now().minusSeconds(60), false, link.device.serial(), List.of()))
                .join();
        String id = job.id();
        svc.connect(id, link.device).join();
        svc.export(id, ResetMethod.ENCRYPTED_STRING, false).join();

        long pid = ProcessHandle.current().pid();
        pair = SocatPair.start(dir.resolve("transcript-" + pid + "-kiosk"),
                dir.resolve("transcript-" + pid + "-recorder"));
        console = new SerialConsole(SerialSettings.defaults(pair.a().toString()), Clock.systemUTC());
        transcripts = JobTranscripts.start(svc, data, jobId -> true);
        console.addListener(transcripts);
        console.start();
        await().atMost(Duration.ofSeconds(10)).until(console::isConnected);
        recorder = new BootLogWriter(pair.b(), 0.01);

        recorder.writeBoot(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE, "c0-56-e3-fe-42-92")
                .done().get(10, TimeUnit.SECONDS);
        recorder.play(new BootScript(List.of(new BootScript.Step(0,
                "setenv password=" + CONSOLE_SECRET + "\r\nlogin passwd " + CONSOLE_SECRET + "\r\nboot done\r\n"))))
                .done().get(10, TimeUnit.SECONDS);
        Path file = data.resolve("jobs").resolve(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> transcriptOf(file).map(this::read)
                .filter(t -> t.contains("boot done")).isPresent());
        Path transcript = transcriptOf(file).orElseThrow();
        String text = read(transcript);
        assertThat(transcript.getFileName().toString()).matches("console-\\d{8}T\\d{6}Z\\.log");
        assertThat(text).contains("U-Boot " + BootScript.DEFAULT_UBOOT)
                .contains("--- the recorder restarted (boot seen on its console)")
                .contains("setenv password=***").contains("login passwd ***")
                .doesNotContain(CONSOLE_SECRET);
        String relative = "jobs/" + id + "/" + transcript.getFileName();
        assertThat(repo.events(id)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(JobTranscripts.OPENED);
            assertThat(e.detail()).isEqualTo(relative);
        });

        // the customer's new password is set meanwhile; then the job closes and the transcript with it
        svc.importReply(id, RecorderLink.ResetReply.key(link.goodKey()), NEW_PASSWORD.toCharArray(), false).join();
        svc.startAftercare(id).join();
        assertThat(svc.close(id).join().state()).isEqualTo(JobState.CLOSED);
        await().atMost(Duration.ofSeconds(10)).until(() -> closed(repo, id).isPresent());

        byte[] bytes = Files.readAllBytes(transcript);
        long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(lines).isGreaterThan(5);
        assertThat(closed(repo, id).orElseThrow().detail())
                .startsWith(relative + " lines=" + lines + " sha256=" + sha + " parts=1 (job CLOSED)");
        assertThat(transcripts.currentFile(id)).isNull();

        transcripts.close();
        console.stop();
        db.close();
        db = null;
        SecretScan.assertAbsent(NEW_PASSWORD.toCharArray(), dir.resolve("data"), dir.resolve("db"));
        SecretScan.assertAbsent(CONSOLE_SECRET.toCharArray(), dir.resolve("data"), dir.resolve("db"));
    }

    @Test
    void redactionKeepsTheKeyAndOrdinaryBootLinesAlone() {
        assertThat(Transcript.redact("bootargs=mem=512M console=ttyS2,115200n8"))
                .isEqualTo("bootargs=mem=512M console=ttyS2,115200n8");
        assertThat(Transcript.redact("Hit ctrl+u to stop autoboot:  0")).isEqualTo("Hit ctrl+u to stop autoboot:  0");
        assertThat(Transcript.redact("PASSWORD: abc123, next")).isEqualTo("PASSWORD: ***, next");
        assertThat(Transcript.redact("pin=4711 pwd=x")).isEqualTo("pin=*** pwd=***");
        assertThat(Transcript.redact("admin password s3cret")).isEqualTo("admin password ***");
        assertThat(Transcript.redact("pinmux ok")).isEqualTo("pinmux ok");
    }

    private static Optional<JobEvent> closed(H2JobRepository repo, String id) {
        return repo.events(id).stream().filter(e -> e.type().equals(JobTranscripts.CLOSED)).findFirst();
    }

    private static Optional<Path> transcriptOf(Path jobDir) throws Exception {
        if (!Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(jobDir)) {
            return s.filter(p -> p.getFileName().toString().matches("console-.*\\.log")).findFirst();
        }
    }

    private String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
