package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.store.FileArtifacts;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;

/** The kiosk's daily summary: each finished day once, missed days caught up (at most a week), retried on failure. */
class DailySummaryScheduleTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(MailFixtures.loopback(ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** 00:30 in London on Wednesday 25 November: the 24th is the last finished day. */
    private final Clock clock = TestJobs.clock(Instant.parse("2026-11-25T00:30:00Z"));
    private final List<LocalDate> queued = new CopyOnWriteArrayList<>();

    private DailySummarySchedule schedule(Path marker) {
        return new DailySummarySchedule(day -> {
            queued.add(day);
            return Optional.of("<" + day + "@test>");
        }, marker, clock, LONDON);
    }

    @Test
    void aFreshStationSendsYesterdayOnceAndThenWaitsForTheNextDay() {
        Path marker = dir.resolve("reports/daily-summary.last");
        DailySummarySchedule s = schedule(marker);
        assertThat(s.runOnce()).containsExactly(LocalDate.parse("2026-11-24"));
        assertThat(s.runOnce()).isEmpty();
        assertThat(queued).containsExactly(LocalDate.parse("2026-11-24"));
        assertThat(s.lastSent()).contains(LocalDate.parse("2026-11-24"));
    }

    @Test
    void anUnwritableMarkerDoesNotMeanAMailEveryHour() throws Exception {
        Path blocker = java.nio.file.Files.writeString(dir.resolve("reports"), "a file where the folder should be");
        DailySummarySchedule s = schedule(blocker.resolve("daily-summary.last"));
        org.assertj.core.api.Assertions.assertThatThrownBy(s::runOnce)
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(s.runOnce()).as("the next hourly check").isEmpty();
        assertThat(queued).containsExactly(LocalDate.parse("2026-11-24"));
    }

    @Test
    void daysMissedWhileSwitchedOffFollowOldestFirstButAtMostAWeek() throws Exception {
        Path marker = Files.createDirectories(dir.resolve("reports")).resolve("daily-summary.last");
        Files.writeString(marker, "2026-11-21\n");
        assertThat(schedule(marker).runOnce()).containsExactly(LocalDate.parse("2026-11-22"),
                LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));

        queued.clear();
        Files.writeString(marker, "2026-10-01\n");
        List<LocalDate> sent = schedule(marker).runOnce();
        assertThat(sent).hasSize(DailySummarySchedule.CATCH_UP_DAYS).startsWith(LocalDate.parse("2026-11-18"))
                .endsWith(LocalDate.parse("2026-11-24"));
    }

    @Test
    void aFailedSendIsNotRememberedAndTheNextCheckTriesAgain() throws Exception {
        Path marker = dir.resolve("reports/daily-summary.last");
        DailySummarySchedule failing = new DailySummarySchedule(day -> {
            throw new org.resetdesk.job.HandOff.HandOffFailed("disk full", null);
        }, marker, clock, LONDON);
        assertThatThrownBy(failing::runOnce).hasMessageContaining("disk full");
        assertThat(marker).doesNotExist();
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "not a date");
        assertThat(schedule(marker).runOnce()).as("an unreadable marker counts as none")
                .containsExactly(LocalDate.parse("2026-11-24"));
    }

    @Test
    void theModuleMailsTheManagerTheSummaryOfTheDayThatEnded() throws Exception {
        Path data = dir.resolve("data");
        SupportSettings settings = MailFixtures.settings(mail.getSmtp().getPort(), "plain", null);
        try (H2Database db = H2Database.open(dir.resolve("db/resetdesk"), H2Database.Options.createIfMissing())) {
            H2JobRepository repo = new H2JobRepository(db);
            repo.save(Job.open("RD-000501", TestJobs.intakeAt("anna", "Jo", "jo@example.test", true,
                    TestJobs.SERIAL, Instant.parse("2026-11-24T15:00:00Z")), TestJobs.clock(
                    Instant.parse("2026-11-24T15:00:00Z"))), List.of());
            repo.save(Job.open("RD-000502", TestJobs.intakeAt("bo", "Al", "al@example.test", true,
                    TestJobs.SERIAL, Instant.parse("2026-11-23T15:00:00Z")), TestJobs.clock(
                    Instant.parse("2026-11-23T15:00:00Z"))), List.of());
            try (SupportModule m = new SupportModule(settings, data, repo, new FileArtifacts(data),
                    EventSink.into(repo), clock, LONDON, a -> { }).start()) {
                assertThat(m.summaryConfigured()).isTrue();
                m.startDailySummary(Duration.ZERO, Duration.ofHours(1)).orElseThrow();
                await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
                MimeMessage got = mail.getReceivedMessages()[0];
                assertThat(got.getAllRecipients()[0].toString()).isEqualTo("manager@counterfixers.test");
                assertThat(got.getSubject()).isEqualTo("ResetDesk daily summary 2026-11-24 — Counter Fixers Ltd");
                String csv = new String(SmtpHandOffTest.attachments(got).get("resetdesk-2026-11-24.csv"),
                        StandardCharsets.UTF_8);
                assertThat(csv).contains("period,2026-11-24/2026-11-24,1", "jobs_per_staff,anna,1")
                        .doesNotContain("jobs_per_staff,bo,");
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.isRegularFile(
                        data.resolve("reports/daily-summary.last")));
                assertThat(Files.readString(data.resolve("reports/daily-summary.last")).strip())
                        .isEqualTo("2026-11-24");
            }
        }
    }

    @Test
    void withoutAManagerAddressNothingIsScheduled() {
        var props = MailFixtures.smtp(TestJobs.baseProperties(), mail.getSmtp().getPort(), "plain", null);
        props.remove("manager.email");
        try (SupportModule m = new SupportModule(SupportSettings.fromProperties(props), dir, new FakeJobs(),
                new FileArtifacts(dir), e -> { }, clock, LONDON, a -> { })) {
            assertThat(m.summaryConfigured()).isFalse();
            assertThat(m.startDailySummary(Duration.ZERO, Duration.ofHours(1))).isEmpty();
        }
    }
}
