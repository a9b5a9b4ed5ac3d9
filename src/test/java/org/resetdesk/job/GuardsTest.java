package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final DeviceInfo device = FakeRecorderLink.nvr("2026-11-20 08:00:00");

    Job armed(int validityHours) {
        DeviceInfo d = new DeviceInfo(device.model(), device.serial(), device.mac(), device.ipv4(),
                device.subnetMask(), device.gateway(), device.firmware(), device.bootTime(), true,
                device.resetMethods(), true, true, false, validityHours);
        Instant at = clock.instant();
        Attempt a = new Attempt(1, ResetMethod.ENCRYPTED_STRING, at, Guards.deadlineFor(d, at), "sha",
                new Baseline(d.bootTime(), d.network(), "eth1", "10.99.0.1"), null, false);
        return new Job("RD-1", JobState.AWAITING_REPLY, at, at, JobServiceTest.intake(d.serial()), d,
                ResetMethod.ENCRYPTED_STRING, a, 1, null, null, GuardStatus.ANSWERING, "eth1", null);
    }

    @Test
    void importAt47HoursIsAcceptedAt49Refused() {
        Job job = armed(48);
        assertThat(Guards.mayImportReply(job, clock.instant().plus(Duration.ofHours(47)))).isEmpty();
        assertThat(Guards.mayImportReply(job, clock.instant().plus(Duration.ofHours(49))))
                .hasValueSatisfying(r -> assertThat(r.key()).isEqualTo("guard.import.expired"));
    }

    @Test
    void twentyFourHourDevicesExpireAtTwentyFour() {
        Job job = armed(24);
        assertThat(Guards.mayImportReply(job, clock.instant().plus(Duration.ofHours(23)))).isEmpty();
        assertThat(Guards.mayImportReply(job, clock.instant().plus(Duration.ofHours(25)))).isPresent();
    }

    @Test
    void warningsAtSixHoursAndOneHour() {
        Job job = armed(48);
        Instant t = clock.instant();
        assertThat(Guards.deadlineStage(job, t.plus(Duration.ofHours(41)).plusSeconds(59 * 60 + 59)))
                .isEqualTo(DeadlineStage.PLENTY);
        assertThat(Guards.deadlineStage(job, t.plus(Duration.ofHours(42)))).isEqualTo(DeadlineStage.UNDER_6H);
        assertThat(Guards.deadlineStage(job, t.plus(Duration.ofHours(47)).plusSeconds(1)))
                .isEqualTo(DeadlineStage.UNDER_1H);
        assertThat(Guards.deadlineStage(job, t.plus(Duration.ofHours(48)))).isEqualTo(DeadlineStage.EXPIRED);
    }

    @Test
    void bootTimeChangeVoidsSameBootTimeDoesNot() {
        Job job = armed(48);
        DeviceInfo same = job.device();
        assertThat(Guards.assess(job, Observation.answered(clock.instant(), same), clock.instant()).voids()).isFalse();
        DeviceInfo rebooted = new DeviceInfo(same.model(), same.serial(), same.mac(), same.ipv4(), same.subnetMask(),
                same.gateway(), same.firmware(), "2026-11-25 10:00:00", true, same.resetMethods(), true, true, false,
                48);
        Verdict v = Guards.assess(job, Observation.answered(clock.instant(), rebooted), clock.instant());
        assertThat(v.status()).isEqualTo(GuardStatus.RESTARTED);
        assertThat(v.voidReason()).contains("2026-11-20 08:00:00 → 2026-11-25 10:00:00");
    }

    @Test
    void consoleBootAndLostChallengeVoidSilenceAndFailureDoNot() {
        Job job = armed(48);
        Instant now = clock.instant();
        assertThat(Guards.assess(job, Observation.of(now, Observation.Kind.CONSOLE_BOOT, "U-Boot"), now)
                .voidReason()).isEqualTo(Guards.RESTARTED_CONSOLE);
        assertThat(Guards.assess(job, Observation.of(now, Observation.Kind.CHALLENGE_LOST, null), now).voids())
                .isTrue();
        assertThat(Guards.assess(job, Observation.of(now, Observation.Kind.SILENT, null), now).voids()).isFalse();
        Verdict failure = Guards.assess(job, Observation.of(now, Observation.Kind.CONSOLE_FAILURE, "halted"), now);
        assertThat(failure.voids()).isFalse();
        assertThat(failure.status()).isEqualTo(GuardStatus.NOT_BOOTING);
    }

    @Test
    void observationsOfAJobWithNothingArmedNeverVoid() {
        Job idle = new Job("RD-2", JobState.IDENTIFIED, clock.instant(), clock.instant(),
                JobServiceTest.intake(device.serial()), device, null, null, 0, null, null, GuardStatus.IDLE, "eth1",
                null);
        for (Observation.Kind k : Observation.Kind.values()) {
            assertThat(Guards.assess(idle, Observation.of(clock.instant(), k, null), clock.instant()).voids())
                    .as(k.name()).isFalse();
        }
    }

    @Test
    void identityNeedsEvidenceAndConsent() {
        Intake noConsent = new Intake("anna", "Max", "x", Intake.OwnershipKind.RECEIPT, "R1", null, null, null, null,
                false, device.serial(), List.of());
        Job job = Job.open("RD-3", noConsent, clock);
        assertThat(Guards.identity(job, device)).hasValueSatisfying(r ->
                assertThat(r.key()).isEqualTo("guard.identity.noConsent"));
        Intake noEvidence = new Intake("anna", "Max", "x", null, null, null, null, "v1", clock.instant(), false,
                device.serial(), List.of());
        assertThat(Guards.identity(Job.open("RD-4", noEvidence, clock), device)).hasValueSatisfying(r ->
                assertThat(r.key()).isEqualTo("guard.identity.noEvidence"));
    }
}
