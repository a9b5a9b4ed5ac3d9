package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.CloudStatus;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Outcome;
import org.resetdesk.job.RecorderApi.Result;

/** Pure tests of the use case with a fake API (the real HTTP path is tested in org.resetdesk.isapi). */
class AftercareTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    /** Answers from fields; records which calls were made. */
    private static final class FakeRecorderApi implements RecorderApi {
        Result<Login> login = Result.ok(new Login(false, true));
        Transport transport = new Transport("https", "ab12", true);
        final List<String> calls = new ArrayList<>();

        @Override public Result<Login> verify(String user, char[] password) { calls.add("verify"); return login; }
        @Override public Result<Identity> deviceInfo() {
            calls.add("deviceInfo");
            return Result.ok(new Identity("nvr", "DS-7608NXI-I2/8P/S", "DS-7608NXI-I2/8P/S0820231215CCRRJ12345678WCVU",
                    "c0:56:e3:fe:42:92", "V4.62.210", "build 230612", "NVR"));
        }
        @Override public Result<DeviceClock> time() {
            calls.add("time");
            return Result.ok(new DeviceClock("2026-11-25T12:30:00+01:00",
                    OffsetDateTime.parse("2026-11-25T12:30:00+01:00"), "manual", "CST-1:00:00"));
        }
        @Override public Result<List<Disk>> disks() { calls.add("disks"); return Result.ok(List.of()); }
        @Override public Result<Boolean> overwrite() { calls.add("overwrite"); return Result.ok(true); }
        @Override public Result<Boolean> enableOverwrite() { calls.add("enableOverwrite"); return Result.ok(true); }
        @Override public Result<CloudStatus> cloudStatus() {
            calls.add("cloudStatus");
            return Result.ok(new CloudStatus(true, true, Binding.UNKNOWN, false));
        }
        @Override public Result<CloudStatus> unbindCloud(char[] p) { calls.add("unbind"); return Result.failed(null); }
        @Override public Result<Boolean> setReservedEmail(String a) {
            calls.add("email");
            return Result.refused(Refusal.of("policy.refused.openJob", "refused: PUT x (REBOOT)"));
        }
        @Override public Transport transport() { return transport; }
        @Override public void close() {}
    }

    private Job job() {
        Intake intake = new Intake("s1", "C", "0", Intake.OwnershipKind.RECEIPT, "R", null, null, "v1", clock.instant(),
                false, "DS-7608NXI-I2/8P/S0820231215CCRRJ12345678WCVU", List.of());
        DeviceInfo sadp = new DeviceInfo("DS-7608NXI-I2/8P/S", "DS-7608NXI-I2/8P/S0820231215CCRRJ12345678WCVU",
                "c0-56-e3-fe-42-92", "192.168.1.64", "255.255.255.0", null, "V4.62.210build 230612", null, true,
                Set.of(), false, true, false, 48);
        return Job.open("RD-7", intake, clock).withDevice(sadp, "eth1").moveTo(JobState.IDENTIFIED, clock)
                .moveTo(JobState.PASSWORD_SET, clock);
    }

    @Test
    void lockedLoginStopsEverythingAndSaysHowLong() {
        FakeRecorderApi api = new FakeRecorderApi();
        api.login = Result.failed(new Outcome(Kind.LOCKED, 401, null, "lock", "Unauthorized", 0, 1795));
        var run = new Aftercare(clock).run(job(), api, "x".toCharArray(), new Aftercare.Options(true, true, "a@b.c"));
        assertThat(api.calls).containsExactly("verify");
        assertThat(run.report().verified()).isFalse();
        assertThat(run.report().unlockSeconds()).isEqualTo(1795);
        assertThat(run.report().advice()).anyMatch(a -> a.contains("for 30 min"));
        assertThat(run.report().mayRetry()).isFalse();
        api.login = Result.failed(new Outcome(Kind.UNAUTHORIZED, 401, null, "unlock", "Unauthorized", 2, null));
        var twoLeft = new Aftercare(clock).run(job(), api, "x".toCharArray(), Aftercare.Options.readOnly()).report();
        assertThat(twoLeft.mayRetry()).isFalse();
        assertThat(twoLeft.advice()).anyMatch(a -> a.contains("Do not try again at the counter"));
    }

    @Test
    void certificateChangeAndInsecureDevicesAreExplained() {
        FakeRecorderApi api = new FakeRecorderApi();
        api.login = Result.failed(Outcome.of(Kind.CERTIFICATE_CHANGED, 0, "changed"));
        assertThat(new Aftercare(clock).run(job(), api, "x".toCharArray(), Aftercare.Options.readOnly()).report()
                .advice()).anyMatch(a -> a.contains("different security certificate"));
        api.login = Result.failed(Outcome.of(Kind.INSECURE, 401, "Basic only"));
        assertThat(new Aftercare(clock).run(job(), api, "x".toCharArray(), Aftercare.Options.readOnly()).report()
                .advice()).anyMatch(a -> a.contains("Basic authentication"));
    }

    @Test
    void fullRunRecordsPinClockAndPolicyRefusals() {
        FakeRecorderApi api = new FakeRecorderApi();
        var run = new Aftercare(clock).run(job(), api, "x".toCharArray(), new Aftercare.Options(true, true, "a@b.c"));
        AftercareReport r = run.report();
        assertThat(r.identityConfirmed()).isTrue();
        assertThat(r.clockSkewSeconds()).isEqualTo(2 * 3600 + 30 * 60);
        assertThat(r.advice()).anyMatch(a -> a.contains("2 h ahead of the kiosk's"));
        assertThat(r.advice()).anyMatch(a -> a.contains("No disk is installed"));
        assertThat(api.calls).doesNotContain("enableOverwrite", "unbind").contains("email");
        assertThat(r.reservedEmailSet()).isFalse();
        assertThat(run.events()).extracting(JobEvent::type).contains("isapi.tls.pinned", "aftercare.refused");
        assertThat(Aftercare.pinnedCertificate(run.events())).contains("ab12");
    }

    @Test
    void firmwareComparisonAcrossSadpAndIsapiSpellings() {
        assertThat(Aftercare.Draft.sameFirmware("V4.62.210build 230612", "V4.62.210", "build 230612")).isTrue();
        assertThat(Aftercare.Draft.sameFirmware("V4.62.210 build 230612", "V4.62.210", null)).isTrue();
        assertThat(Aftercare.Draft.sameFirmware("V4.62.210build 230612", "V4.62.210", "build 230101")).isFalse();
        assertThat(Aftercare.Draft.sameFirmware("V4.61.000build 230612", "V4.62.210", "build 230612")).isFalse();
    }

    /** SADP Hik-Connect calls answered from a queue of Result texts; records what was asked. */
    private static final class RecordingSadpCloud implements Aftercare.SadpCloud {
        final List<String> calls = new ArrayList<>();
        String status = "success";
        DeviceOutcome unbind = DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS);

        @Override
        public DeviceOutcome unbindStatus() {
            calls.add("getUnbindStatus");
            return new DeviceOutcome(DeviceOutcome.Kind.SUCCESS, null, null, status);
        }

        @Override
        public DeviceOutcome ezvizUnbind(char[] password) {
            calls.add("ezvizUnbind:" + new String(password));
            if (unbind.isSuccess()) {
                status = "notBind";
            }
            return unbind;
        }
    }

    @Test
    void sadpTellsAndUnbindsWhenIsapiCannot() {
        RecordingSadpCloud sadp = new RecordingSadpCloud();
        var run = new Aftercare(clock, sadp).run(job(), new FakeRecorderApi(), "New-Pass-1".toCharArray(),
                new Aftercare.Options(false, true, null));
        assertThat(run.report().cloudBefore()).isEqualTo(Binding.BOUND);
        assertThat(run.report().cloudAfter()).isEqualTo(Binding.UNBOUND);
        assertThat(sadp.calls).containsExactly("getUnbindStatus", "ezvizUnbind:New-Pass-1", "getUnbindStatus");
        assertThat(run.events()).allMatch(e -> !e.detail().contains("New-Pass-1"));
    }

    @Test
    void sadpUnbindOnlyWithConsentAndFailuresAreReported() {
        RecordingSadpCloud sadp = new RecordingSadpCloud();
        var read = new Aftercare(clock, sadp).run(job(), new FakeRecorderApi(), "p".toCharArray(),
                Aftercare.Options.readOnly());
        assertThat(sadp.calls).containsExactly("getUnbindStatus");
        assertThat(read.report().advice()).anyMatch(a -> a.contains("still bound"));
        sadp.calls.clear();
        sadp.unbind = new DeviceOutcome(DeviceOutcome.Kind.PASSWORD_ERROR, 4, null, "PasswordError");
        var failed = new Aftercare(clock, sadp).run(job(), new FakeRecorderApi(), "p".toCharArray(),
                new Aftercare.Options(false, true, null));
        assertThat(failed.report().cloudAfter()).isEqualTo(Binding.BOUND);
        assertThat(failed.report().advice()).anyMatch(a -> a.contains("did not succeed") && a.contains("retries left 4"));
    }
}
