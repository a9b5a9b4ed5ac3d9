package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The use cases over in-memory ports and a hand-moved clock (end-to-end versions run against real parts). */
public class JobServiceTest {
    static final String BOOT = "2026-11-20 08:00:00";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final FakeJobRepository repo = new FakeJobRepository();
    final FakeRecorderLink link = new FakeRecorderLink(FakeRecorderLink.nvr(BOOT));
    final JobService svc = new JobService(repo, link, new FakeArtifacts(), clock, Runnable::run);
    final Watchdog dog = new Watchdog(svc, link, clock, null, Duration.ofSeconds(1));

    public static Intake intake(String serial) {
        return new Intake("anna", "Max Muster", "+49 170 000", Intake.OwnershipKind.INVOICE, "INV-42", null, null,
                "consent-v1", Instant.parse("2026-11-25T09:59:00Z"), false, serial, List.of());
    }

    Job exportedJob() {
        Job job = svc.open(intake(link.device.serial())).join();
        svc.connect(job.id(), link.device).join();
        return svc.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join().job();
    }

    static RefusedException refusal(Throwable t) {
        return (RefusedException) (t instanceof CompletionException ? t.getCause() : t);
    }

    @Test
    void happyPathFromIntakeToClosed() {
        Job job = exportedJob();
        assertThat(job.state()).isEqualTo(JobState.REQUEST_EXPORTED);
        assertThat(job.deadline()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
        svc.markSent(job.id(), "email support@example.test").join();
        JobService.ResetAttempt r = svc.importReply(job.id(), RecorderLink.ResetReply.key(link.goodKey()),
                "Tr4vel-Blue9".toCharArray(), true).join();
        assertThat(r.outcome().isSuccess()).isTrue();
        assertThat(r.job().state()).isEqualTo(JobState.PASSWORD_SET);
        svc.startAftercare(job.id()).join();
        assertThat(svc.close(job.id()).join().state()).isEqualTo(JobState.CLOSED);
        assertThat(repo.eventTypes(job.id())).containsSubsequence("state.INTAKE", "state.IDENTIFIED",
                "state.REQUEST_EXPORTED", "state.AWAITING_REPLY", "state.REPLY_RECEIVED", "state.PASSWORD_SET",
                "state.AFTERCARE", "state.CLOSED");
    }

    @Test
    void reservedEmailIsAnArmedExportAnsweredWithMailReset() {
        link.device = FakeRecorderLink.nvr(BOOT, java.util.Set.of(ResetMethod.RESERVED_EMAIL));
        Job job = svc.open(intake(link.device.serial())).join();
        svc.connect(job.id(), link.device).join();

        JobService.Exported e = svc.export(job.id(), ResetMethod.RESERVED_EMAIL, false).join();
        assertThat(link.sent).endsWith("GetQRcodes");
        assertThat(e.codeSentTo()).isEqualTo("o***@example.net");
        assertThat(e.qrText()).as("the QR shows the decoded content").isEqualTo("<EncryptString>" + link.challenge
                + "</EncryptString>");
        assertThat(new String(e.request(), java.nio.charset.StandardCharsets.US_ASCII))
                .as("stored as the device gave it").doesNotContain("<");
        assertThat(e.job().state()).isEqualTo(JobState.REQUEST_EXPORTED);
        assertThat(e.job().attempt().isArmed()).as("a reboot kills the mailed code too: guarded").isTrue();
        assertThat(e.job().deadline()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
        assertThat(repo.events(job.id())).anySatisfy(ev -> assertThat(ev.detail()).endsWith(
                "; code goes to the reserved mailbox"));
        assertThat(repo.events(job.id())).as("the address is personal data: not in the log")
                .noneSatisfy(ev -> assertThat(String.valueOf(ev.detail())).contains("example.net"));
        Job waiting = svc.markSent(job.id(), "hikConnect").join();
        assertThat(repo.events(job.id())).last().satisfies(ev -> assertThat(ev.detail())
                .isEqualTo("waiting for the code in the customer's reserved mailbox"));

        JobService.ResetAttempt r = svc.importReply(waiting.id(), RecorderLink.ResetReply.key(link.goodKey()),
                "Tr4vel-Blue9".toCharArray(), false).join();
        assertThat(link.sent).endsWith("MailReset").doesNotContain("reset");
        assertThat(r.job().state()).isEqualTo(JobState.PASSWORD_SET);

        assertThat(ResetMethod.RESERVED_EMAIL.needsSupportRoundTrip()).as("never a direct reset").isTrue();
    }

    @Test
    void reservedEmailWithoutAMailboxOnTheDeviceIsRefusedAndNothingIsArmed() {
        link.device = FakeRecorderLink.nvr(BOOT, java.util.Set.of(ResetMethod.RESERVED_EMAIL));
        link.mailbox = null;
        Job job = svc.open(intake(link.device.serial())).join();
        svc.connect(job.id(), link.device).join();
        assertThatThrownBy(() -> svc.export(job.id(), ResetMethod.RESERVED_EMAIL, false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("export.refused.noMailbox"));
        Job after = repo.find(job.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.IDENTIFIED);
        assertThat(after.attempt()).isNull();
        assertThat(repo.eventTypes(job.id())).contains("export.failed");
    }

    @Test
    void intakePhotosAreCheckedStoredAndNamedInTheIntake() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
        Job job = svc.open(intake(link.device.serial()), List.of(new IntakePhoto("label.jpg", jpeg),
                new IntakePhoto("proof-1.png", png))).join();
        assertThat(job.intake().photos()).containsExactly("jobs/" + job.id() + "/label.jpg",
                "jobs/" + job.id() + "/proof-1.png");
        assertThat(repo.events(job.id())).anySatisfy(e -> assertThat(e.detail()).contains("photos 2"));

        byte[] pdf = "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> svc.open(intake("DS-2"), List.of(new IntakePhoto("label.jpg", pdf))).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("intake.refused.photoType"));
        assertThatThrownBy(() -> svc.open(intake("DS-2"), List.of(new IntakePhoto("../etc/x.jpg", jpeg))).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("intake.refused.photoName"));
        assertThatThrownBy(() -> svc.open(intake("DS-2"), List.of(new IntakePhoto("a.jpg", jpeg),
                new IntakePhoto("A.JPG", jpeg))).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("intake.refused.photoTwice"));
        assertThatThrownBy(() -> svc.open(intake("DS-2"), List.of(new IntakePhoto("big.jpg",
                new byte[IntakePhoto.MAX_BYTES + 1]))).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("intake.refused.photoSize"));
        assertThat(repo.openJobs()).as("nothing opened by a refused intake").hasSize(1);
    }

    @Test
    void aFailedIntakeLeavesNoPhotosBehind() {
        FakeArtifacts files = new FakeArtifacts();
        JobService failing = new JobService(repo, link, files, clock, Runnable::run);
        repo.failSaves = new IllegalStateException("disk full");
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1};
        assertThatThrownBy(() -> failing.open(intake("DS-3"), List.of(new IntakePhoto("label.jpg", jpeg),
                new IntakePhoto("proof-1.jpg", jpeg))).join()).hasRootCauseMessage("disk full");
        assertThat(files.files).as("the ownership photos went with the failed intake").isEmpty();
    }

    @Test
    void theNewPasswordIsWipedAndNeverInTheLog() {
        Job job = exportedJob();
        char[] pw = "Tr4vel-Blue9".toCharArray();
        svc.importReply(job.id(), RecorderLink.ResetReply.key(link.goodKey()), pw, false).join();
        assertThat(new String(pw)).isEqualTo("\0".repeat(12));
        assertThat(repo.events(job.id())).allSatisfy(e -> assertThat(e.detail()).doesNotContain("Tr4vel"));
    }

    @Test
    void labelMismatchIsRefusedNamingThePart() {
        Job job = svc.open(intake("DS-7608NI-K20820190101CCRRD12345679WCVU")).join();
        assertThatThrownBy(() -> svc.connect(job.id(), link.device).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("guard.identity.serialMismatch"))
                .hasMessageContaining("9-character serial");
        assertThat(repo.find(job.id()).orElseThrow().state()).isEqualTo(JobState.INTAKE);
    }

    @Test
    void rebootSeenByThePollVoidsTheAttemptAndAllowsANewOne() {
        Job job = exportedJob();
        link.reboot("2026-11-25 10:00:30");
        clock.advance(Duration.ofSeconds(1));
        dog.tick();
        Job after = repo.find(job.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.VOIDED);
        assertThat(after.guard()).isEqualTo(GuardStatus.RESTARTED);
        assertThat(after.attempt().voidReason()).startsWith(Guards.RESTARTED);
        assertThatThrownBy(() -> svc.importReply(job.id(), RecorderLink.ResetReply.key("ABCDEFGH"),
                "Tr4vel-Blue9".toCharArray(), false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("guard.import.notArmed"));
        Job second = svc.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join().job();
        assertThat(second.attempt().number()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(JobState.REQUEST_EXPORTED);
    }

    @Test
    void helloAnnouncementVoidsAtOnce() {
        Job job = exportedJob();
        var exec = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (Watchdog live = new Watchdog(svc, link, clock, exec, Duration.ofHours(1)).start()) {
            link.reboot("2026-11-25 10:00:31");
            assertThat(repo.find(job.id()).orElseThrow().state()).isEqualTo(JobState.VOIDED);
            assertThat(repo.find(job.id()).orElseThrow().guard()).isEqualTo(GuardStatus.RESTARTED);
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void ipChangeVoidsAsNetworkChanged() {
        Job job = exportedJob();
        link.setIp("192.168.1.65");
        dog.tick();
        Job after = repo.find(job.id()).orElseThrow();
        assertThat(after.guard()).isEqualTo(GuardStatus.NETWORK_CHANGED);
        assertThat(after.attempt().voidReason()).contains("IP 192.168.1.64 → 192.168.1.65");
    }

    @Test
    void silenceRaisesTheAlarmWithoutVoidingAndTheBootTimeDecidesOnReturn() {
        Job job = exportedJob();
        link.answering = false;
        dog.tick();
        clock.advance(Duration.ofSeconds(5));
        dog.tick();
        assertThat(repo.find(job.id()).orElseThrow().guard()).isEqualTo(GuardStatus.ANSWERING);
        clock.advance(Duration.ofSeconds(6));
        dog.tick();
        assertThat(repo.find(job.id()).orElseThrow().guard()).isEqualTo(GuardStatus.SILENT);
        assertThat(repo.find(job.id()).orElseThrow().state()).isEqualTo(JobState.REQUEST_EXPORTED);
        link.answering = true;
        dog.tick();
        assertThat(repo.find(job.id()).orElseThrow().guard()).isEqualTo(GuardStatus.ANSWERING);
    }

    @Test
    void reExportNeedsConfirmationAndVoidsThePreviousAttempt() {
        Job job = exportedJob();
        assertThatThrownBy(() -> svc.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("policy.refused.reExport"));
        Job again = svc.export(job.id(), ResetMethod.ENCRYPTED_STRING, true).join().job();
        assertThat(again.attempt().number()).isEqualTo(2);
        assertThat(repo.eventTypes(job.id())).contains("guard.voided", "state.VOIDED");
        assertThat(repo.events(job.id())).anySatisfy(e -> assertThat(e.detail()).contains(Guards.REPLACED));
    }

    @Test
    void wrongKeysCountDownThenLockAndNothingRetries() {
        Job job = exportedJob();
        link.retries = 2;
        JobService.ResetAttempt first = svc.importReply(job.id(), RecorderLink.ResetReply.key("WRONG001"),
                "Tr4vel-Blue9".toCharArray(), false).join();
        assertThat(first.outcome().kind()).isEqualTo(DeviceOutcome.Kind.CODE_ERROR);
        assertThat(first.job().lockout().retriesLeft()).isEqualTo(1);
        assertThat(first.job().state()).isEqualTo(JobState.AWAITING_REPLY);
        JobService.ResetAttempt second = svc.importReply(job.id(), RecorderLink.ResetReply.key("WRONG002"),
                "Tr4vel-Blue9".toCharArray(), false).join();
        assertThat(second.outcome().kind()).isEqualTo(DeviceOutcome.Kind.LOCKED);
        long resetsSent = link.sent.stream().filter("reset"::equals).count();
        assertThatThrownBy(() -> svc.importReply(job.id(), RecorderLink.ResetReply.key(link.goodKey()),
                "Tr4vel-Blue9".toCharArray(), false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("guard.lockout.locked"))
                .hasMessageContaining("30 min");
        assertThat(link.sent.stream().filter("reset"::equals).count()).isEqualTo(resetsSent);
        clock.advance(Duration.ofMinutes(31));
        link.retries = 5;
        assertThat(svc.importReply(job.id(), RecorderLink.ResetReply.key(link.goodKey()),
                "Tr4vel-Blue9".toCharArray(), false).join().outcome().isSuccess()).isTrue();
    }

    @Test
    void deadlinePassedWhileSilentVoidsAsExpired() {
        Job job = exportedJob();
        link.answering = false;
        clock.advance(Duration.ofHours(49));
        dog.tick();
        Job after = repo.find(job.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.VOIDED);
        assertThat(after.guard()).isEqualTo(GuardStatus.EXPIRED);
    }

    @Test
    void weakPasswordsAndBadKeysAreRefusedBeforeAnythingIsSent() {
        Job job = exportedJob();
        int before = link.sent.size();
        assertThatThrownBy(() -> svc.importReply(job.id(), RecorderLink.ResetReply.key(link.goodKey()),
                "password".toCharArray(), false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("password.refused.weak"));
        assertThatThrownBy(() -> svc.importReply(job.id(), RecorderLink.ResetReply.key("abc"),
                "Tr4vel-Blue9".toCharArray(), false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("import.refused.keyFormat"));
        assertThatThrownBy(() -> svc.importReply(job.id(), RecorderLink.ResetReply.file(new byte[] {1, 2, 0}),
                "Tr4vel-Blue9".toCharArray(), false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("import.refused.binary"));
        assertThat(link.sent).hasSize(before);
    }

    @Test
    void kioskRestartLeavesArmedJobsUnconfirmedUntilTheRecorderAnswers() {
        Job job = exportedJob();
        JobService restarted = new JobService(repo, link, new FakeArtifacts(), clock, Runnable::run);
        restarted.markUnconfirmedAfterRestart();
        assertThat(repo.find(job.id()).orElseThrow().guard()).isEqualTo(GuardStatus.UNCONFIRMED);
        assertThatThrownBy(() -> restarted.importReply(job.id(), RecorderLink.ResetReply.key(link.goodKey()),
                "Tr4vel-Blue9".toCharArray(), false).join())
                .satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("guard.import.unconfirmed"));
        new Watchdog(restarted, link, clock, null, Duration.ofSeconds(1)).tick();
        assertThat(repo.find(job.id()).orElseThrow().guard()).isEqualTo(GuardStatus.ANSWERING);
    }

    @Test
    void guidFileResetsWithoutSupportAndAWrongFileCountsDown() {
        Job job = svc.open(intake(link.device.serial())).join();
        svc.connect(job.id(), link.device).join();
        byte[] wrong = "GUID-9999".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        JobService.ResetAttempt bad = svc.resetDirect(job.id(), DirectProof.guid(wrong),
                "Tr4vel-Blue9".toCharArray(), false).join();
        assertThat(bad.outcome().kind()).isEqualTo(DeviceOutcome.Kind.INVALID_GUID);
        assertThat(bad.job().state()).isEqualTo(JobState.IDENTIFIED);
        assertThat(bad.job().lockout().retriesLeft()).isEqualTo(4);
        assertThat(wrong).containsOnly((byte) 0);
        JobService.ResetAttempt good = svc.resetDirect(job.id(),
                DirectProof.guid("GUID-0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "Tr4vel-Blue9".toCharArray(), false).join();
        assertThat(good.job().state()).isEqualTo(JobState.PASSWORD_SET);
        assertThat(link.sent).doesNotContain("getencryptstring");
    }

    @Test
    void directResetIsRefusedForAMethodTheRecorderDoesNotOffer() {
        Job job = svc.open(intake(link.device.serial())).join();
        svc.connect(job.id(), link.device).join();
        assertThatThrownBy(() -> svc.resetDirect(job.id(), DirectProof.legacy("RRSdRderd9"), new char[0], false)
                .join()).satisfies(t -> assertThat(refusal(t).refusal().key()).isEqualTo("direct.refused.method"));
    }
}
