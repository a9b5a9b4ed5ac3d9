package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import picocli.CommandLine;

/** {@code job send} and {@code job receipt} as picocli commands, with the job supplied through the hook. */
class CommandsTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final FakeJobs jobs = new FakeJobs().with(TestJobs.exported("RD-000042"),
            TestJobs.passwordSet(TestJobs.exported("RD-000043")));

    private final List<String> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private SendCommandCore sendCore(SupportSettings s) {
        PacketSource source = new PacketSource() {
            @Override
            public byte[] request(Job job) {
                return "<EncryptString>QUJD</EncryptString>".getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public Optional<RequestForm.Purchase> purchase(Job job) {
                return Optional.of(new RequestForm.Purchase("Leeds CCTV Supplies", "distributor"));
            }
        };
        return new SendCommandCore(jobs::find, source, s, new Outbox(dir.resolve("outbox")), jobs, clock,
                ZoneId.of("UTC"), (id, r) -> handedOver.add(id + " " + r.channel() + " " + r.messageId()));
    }

    @Test
    void sendToAFolderPrintsOneJsonLine() throws Exception {
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "plain", null);
        Path usb = Files.createDirectories(dir.resolve("usb"));
        int code = run(new JobSendCommand(() -> sendCore(s)), "RD-000042", "--folder", usb.toString(),
                "--device-date", "2026-11-24");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip()).startsWith("{\"jobId\":\"RD-000042\",\"messageId\":\"folder-")
                .contains("\"channel\":\"folder\"", "\"status\":\"DELIVERED\"", "\"deliveredNow\":true")
                .doesNotContain("\n");
        try (var files = Files.list(usb)) {
            assertThat(files).hasSize(3);
        }
        assertThat(jobs.events("RD-000042")).extracting(e -> e.type()).containsExactly(FormDetails.EVENT,
                SupportEvents.HANDOFF_DELIVERED);
        assertThat(jobs.events("RD-000042").get(0).detail()).as("remembered for the next send")
                .contains("deviceDate=2026-11-24");
        assertThat(handedOver).singleElement().asString().startsWith("RD-000042 folder folder-");
    }

    @Test
    void sendByEmailTriesOnceAtOnce() throws Exception {
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "plain", null);
        int code = run(new JobSendCommand(() -> sendCore(s)), "RD-000042", "--email", "eu-support@vendor.test",
                "--device-date", "2026-11-24");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"channel\":\"email\"", "\"status\":\"QUEUED\"", "\"deliveredNow\":true");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessages().length == 1);
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("eu-support@vendor.test");
        assertThat(jobs.events("RD-000042")).extracting(e -> e.type()).containsExactly(FormDetails.EVENT,
                SupportEvents.HANDOFF_QUEUED, SupportEvents.HANDOFF_ATTEMPT, SupportEvents.HANDOFF_DELIVERED);
    }

    @Test
    void sendWhileTheServerIsDownLeavesTheMailQueued() {
        SupportSettings s = MailFixtures.settings(MailFixtures.freePort(), "plain", null);
        int code = run(new JobSendCommand(() -> sendCore(s)), "RD-000042", "--device-date", "2026-11-24");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"status\":\"QUEUED\"", "\"deliveredNow\":false");
        assertThat(new Outbox(dir.resolve("outbox")).pending()).hasSize(1);
        assertThat(handedOver).singleElement().asString().startsWith("RD-000042 email <");
    }

    @Test
    void sendRefusalsExitOneWithOneLine() {
        SupportSettings s = MailFixtures.settings(mail.getSmtp().getPort(), "plain", null);
        assertThat(run(new JobSendCommand(() -> sendCore(s)), "RD-000042")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "the support request for job RD-000042 is incomplete: missing Current date on device");
        assertThat(run(new JobSendCommand(() -> sendCore(s)), "RD-000043", "--device-date", "x")).isEqualTo(1);
        assertThat(err.toString()).contains("no live exported request");
        assertThat(run(new JobSendCommand(() -> sendCore(s)), "RD-000042", "--email", "a@b.test", "--folder", "/tmp"))
                .isEqualTo(2);
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(handedOver).isEmpty();
    }

    private ReceiptCommandCore receiptCore() {
        return new ReceiptCommandCore(jobs::find, job -> new HandBackResults(List.of("Password reset"),
                List.of("HDD 1 normal"), List.of("Unbound"), List.of()),
                SupportSettings.fromProperties(TestJobs.baseProperties()), jobs, clock, ZoneId.of("UTC"));
    }

    @Test
    void receiptWritesThePdf() throws Exception {
        Path pdf = dir.resolve("out/ticket.pdf");
        assertThat(run(new JobReceiptCommand(this::receiptCore), "RD-000042", "--out", pdf.toString(),
                "--width", "a4")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("{\"jobId\":\"RD-000042\",\"kind\":\"intake\",\"out\":\""
                + pdf + "\",\"printed\":false}");
        assertThat(Pdfs.flat(Files.readAllBytes(pdf))).contains("Intake ticket", "RD-000042");
        assertThat(Pdfs.firstPageWidth(Files.readAllBytes(pdf))).isGreaterThan(590);

        Path back = dir.resolve("back.pdf");
        assertThat(run(new JobReceiptCommand(this::receiptCore), "RD-000043", "--out", back.toString(),
                "--kind", "handback")).isZero();
        assertThat(Pdfs.flat(Files.readAllBytes(back))).contains("Hand-back receipt", "HDD 1 normal");
    }

    @Test
    void receiptRefusals() {
        Path pdf = dir.resolve("x.pdf");
        assertThat(run(new JobReceiptCommand(this::receiptCore), "RD-000042", "--out", pdf.toString(),
                "--kind", "handback")).isEqualTo(1);
        assertThat(err.toString()).contains("comes after the reset");
        assertThat(run(new JobReceiptCommand(this::receiptCore), "RD-000042", "--out", pdf.toString(),
                "--kind", "label")).isEqualTo(2);
        assertThat(run(new JobReceiptCommand(this::receiptCore), "RD-000042", "--out", pdf.toString(),
                "--print")).isEqualTo(1);
        assertThat(err.toString()).contains("no printer is configured");
        assertThat(run(new JobReceiptCommand(this::receiptCore), "RD-999999", "--out", pdf.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no job RD-999999");
    }
}
