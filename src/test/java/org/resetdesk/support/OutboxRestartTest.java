package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.Job;

/** The durable outbox: the server is down, the kiosk restarts, the server comes back — the mail arrives once. */
class OutboxRestartTest {
    @TempDir
    Path dir;

    private GreenMail server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aMailQueuedWhileTheServerIsDownSurvivesARestartAndArrivesOnce() throws Exception {
        int port = MailFixtures.freePort();
        SupportSettings s = MailFixtures.settings(port, "plain", null);
        Path spool = dir.resolve("outbox");
        RecordingEvents events = new RecordingEvents();
        Clock clock = Clock.systemUTC();
        Job job = TestJobs.exported("RD-000601");
        var packet = new SupportPacketBuilder(ZoneId.of("UTC")).build(job,
                "opaque-request".getBytes(StandardCharsets.US_ASCII), TestJobs.form(s, job), null);

        // 1. the server is down: the kiosk queues the mail and its sender keeps failing
        HandOff.Receipt receipt;
        Outbox first = new Outbox(spool);
        try (OutboxSender sender = new OutboxSender(first, new SmtpMailer(s.smtp()), events, clock,
                Duration.ofMillis(40), Duration.ofMillis(300))) {
            sender.start();
            receipt = new SmtpHandOff(s.smtp().from(), s.supportEmail(), first, sender::wake, events, clock)
                    .send(packet);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> events.ofType(SupportEvents.HANDOFF_FAILED).size() >= 2);
        } // 2. the kiosk stops (the sender thread is gone; only the spool file remains)
        assertThat(first.pending()).hasSize(1);

        // 3. the kiosk starts again over the same spool directory, still without a server
        RecordingEvents after = new RecordingEvents();
        try (OutboxSender restarted = new OutboxSender(new Outbox(spool), new SmtpMailer(s.smtp()), after, clock,
                Duration.ofMillis(40), Duration.ofMillis(300))) {
            restarted.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> !after.ofType(SupportEvents.HANDOFF_FAILED).isEmpty());

            // 4. the server comes back: the retrying sender delivers it, exactly once
            server = new GreenMail(MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP, port));
            server.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> server.getReceivedMessages().length == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> !after.ofType(SupportEvents.HANDOFF_DELIVERED).isEmpty());
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                    .until(() -> server.getReceivedMessages().length == 1);
        }
        assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo(receipt.messageId());
        assertThat(after.ofType(SupportEvents.HANDOFF_DELIVERED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(receipt.messageId()));
        assertThat(new Outbox(spool).pending()).isEmpty();
        assertThat(events.events).allSatisfy(e -> assertThat(e.jobId()).isEqualTo("RD-000601"));
    }

    @Test
    void aHalfWrittenSpoolFileFromACrashIsNeverSent() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(spool.resolve(".tmp-0000000000001-x.eml"), "Subject: half");
        Outbox outbox = new Outbox(spool);
        assertThat(outbox.pending()).isEmpty();
        assertThat(Files.list(spool).map(p -> p.getFileName().toString())).doesNotContain(".tmp-0000000000001-x.eml");
    }

    @Test
    void backoffDoublesUpToTheCeiling() {
        var s = MailFixtures.settings(MailFixtures.freePort(), "plain", null);
        try (OutboxSender sender = new OutboxSender(new Outbox(dir.resolve("o")), new SmtpMailer(s.smtp()),
                e -> { }, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofMinutes(15))) {
            assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
            assertThat(sender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
            assertThat(sender.backoff(5)).isEqualTo(Duration.ofMinutes(8));
            assertThat(sender.backoff(6)).isEqualTo(Duration.ofMinutes(15));
            assertThat(sender.backoff(500)).isEqualTo(Duration.ofMinutes(15));
        }
    }
}
