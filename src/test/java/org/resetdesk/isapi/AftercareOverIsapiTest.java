package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.recorder.isapi.IsapiDeviceState.Disk;
import org.resetdesk.recorder.isapi.IsapiServer;

/** The Aftercare use case against the virtual recorder's ISAPI server over real HTTP on 127.0.0.1. */
class AftercareOverIsapiTest {

    private static Aftercare.Run run(IsapiRig rig, Job job, Aftercare.Options options) {
        try (IsapiClient c = rig.client(job)) {
            return new Aftercare(rig.clock).run(job, c, IsapiRig.PASSWORD.toCharArray(), options);
        }
    }

    @Test
    void readOnlyRunReportsTheFullDiskAndChangesNothing() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            AftercareReport r = run(rig, rig.openJob(), Aftercare.Options.readOnly()).report();
            assertThat(r.verified()).isTrue();
            assertThat(r.identityConfirmed()).isTrue();
            assertThat(r.serialMatchesSadp()).isTrue();
            assertThat(r.serialMatchesLabel()).isTrue();
            assertThat(r.firmwareMatchesSadp()).isTrue();
            assertThat(r.clockSkewSeconds()).isZero();
            assertThat(r.overwriteBefore()).isFalse();
            assertThat(r.overwriteAfter()).isFalse();
            assertThat(r.cloudBefore()).isEqualTo(Binding.BOUND);
            assertThat(r.advice()).anyMatch(a -> a.contains("full and overwrite is off"));
            assertThat(r.advice()).anyMatch(a -> a.contains("still bound"));
            assertThat(rig.state.loopEnable()).isFalse();
            assertThat(rig.state.hikConnectBound()).isTrue();
            assertThat(rig.server.received("PUT", "/")).isZero();
        }
    }

    @Test
    void withConsentOverwriteIsEnabledAndTheOldAccountUnbound() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            Aftercare.Run run = run(rig, rig.openJob(), new Aftercare.Options(true, true, null));
            AftercareReport r = run.report();
            assertThat(r.overwriteBefore()).isFalse();
            assertThat(r.overwriteAfter()).isTrue();
            assertThat(r.cloudBefore()).isEqualTo(Binding.BOUND);
            assertThat(r.cloudAfter()).isEqualTo(Binding.UNBOUND);
            assertThat(rig.state.loopEnable()).isTrue();
            assertThat(rig.state.hikConnectBound()).isFalse();
            assertThat(r.advice()).anyMatch(a -> a.contains("no longer bound"));
            assertThat(r.advice()).noneMatch(a -> a.contains("stopped recording"));
            assertThat(run.events()).extracting(JobEvent::type).contains("aftercare.started", "aftercare.verify",
                    "aftercare.overwrite", "aftercare.cloud", "aftercare.finished");
            assertThat(run.events()).allMatch(e -> !e.detail().contains(IsapiRig.PASSWORD));
        }
    }

    @Test
    void wrongPasswordStopsTheRunAfterOneTry() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.openJob())) {
            Aftercare.Run run = new Aftercare(rig.clock).run(rig.openJob(), c, "Not-The-One-9".toCharArray(),
                    new Aftercare.Options(true, true, null));
            assertThat(run.report().verified()).isFalse();
            assertThat(run.report().retriesLeft()).isEqualTo(6);
            assertThat(run.report().advice()).anyMatch(a -> a.contains("6 more tries"));
            assertThat(rig.state.loginLock().failures()).isEqualTo(1);
            assertThat(rig.server.received("GET", "/ISAPI/System/deviceInfo")).isZero();
            assertThat(rig.server.received("PUT", "/")).isZero();
        }
    }

    @Test
    void perTrackFallbackTurnsOverwriteOnDuringAnOpenJob() throws Exception {
        try (IsapiRig rig = new IsapiRig(IsapiServer.Options.defaults().perTrackOverwrite())) {
            // per-track recording settings are CONFIGURE-class: allowed with the customer's consent
            AftercareReport open = run(rig, rig.openJob(), new Aftercare.Options(true, false, null)).report();
            assertThat(open.overwriteBefore()).isFalse();
            assertThat(open.overwriteAfter()).isTrue();
            assertThat(rig.server.received("PUT", "/ISAPI/ContentMgmt/record/tracks")).isPositive();
            assertThat(rig.state.loopEnable()).isTrue();
        }
    }

    @Test
    void rebootRequiredIsShownAndNeverActedOn() throws Exception {
        try (IsapiRig rig = new IsapiRig(IsapiServer.Options.defaults().rebootRequiredOnOverwrite())) {
            Aftercare.Run run = run(rig, rig.openJob(), new Aftercare.Options(true, false, null));
            assertThat(run.report().rebootRequired()).isTrue();
            assertThat(run.report().overwriteAfter()).isTrue();
            assertThat(run.report().advice()).anyMatch(a -> a.contains("Do not restart it while the job is open"));
            assertThat(run.events()).extracting(JobEvent::type).contains("aftercare.rebootRequired");
            assertThat(rig.server.received("PUT", "/ISAPI/System/reboot")).isZero();
        }
    }

    @Test
    void unbindNotOfferedOverIsapiSaysWhatToDoInstead() throws Exception {
        try (IsapiRig rig = new IsapiRig(IsapiServer.Options.defaults().withoutUnbind())) {
            AftercareReport r = run(rig, rig.openJob(), new Aftercare.Options(false, true, null)).report();
            assertThat(r.cloudAfter()).isEqualTo(Binding.BOUND);
            assertThat(r.advice()).anyMatch(a -> a.contains("Unbind button in SADP"));
            assertThat(rig.server.received("PUT", "/ISAPI/System/Network/EZVIZ")).isZero();
        }
    }

    @Test
    void labelMismatchWrongClockAndFailedDiskBecomeAdvice() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            rig.state.withClock(Duration.ofDays(-20_000), "CST-8:00:00")
                    .withDisks(List.of(new Disk("1", "hdd1", "error", 953869, 100), new Disk("2", "hdd2", "ok", 953869, 0)));
            Job job = rig.job(JobState.PASSWORD_SET, "DS-7608NXI-I2/8P/S0820231215CCRRJ99999999WCVU");
            AftercareReport r = run(rig, job, Aftercare.Options.readOnly()).report();
            assertThat(r.serialMatchesLabel()).isFalse();
            assertThat(r.serialMatchesSadp()).isTrue();
            assertThat(r.identityConfirmed()).isFalse();
            assertThat(r.advice()).anyMatch(a -> a.startsWith("Stop: the recorder answering"));
            assertThat(r.deviceClock()).endsWith("+08:00");
            assertThat(r.clockSkewSeconds()).isEqualTo(-20_000L * 86400);
            assertThat(r.advice()).anyMatch(a -> a.contains("clock battery"));
            assertThat(r.advice()).anyMatch(a -> a.contains("Disk 1 (hdd1) reports 'error'"));
            assertThat(r.advice()).anyMatch(a -> a.contains("Disk 2 is full"));
            assertThat(rig.server.received("PUT", "/ISAPI/System/time")).isZero();
        }
    }

    @Test
    void aJobWithoutANewPasswordIsRefusedBeforeAnythingIsSent() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.openJob())) {
            Job intake = Job.open("RD-1", rig.openJob().intake(), rig.clock);
            Aftercare.Run run = new Aftercare(rig.clock).run(intake, c, IsapiRig.PASSWORD.toCharArray(),
                    Aftercare.Options.readOnly());
            assertThat(run.refusal().key()).isEqualTo("aftercare.refused.state");
            assertThat(rig.server.received("GET", "/")).isZero();
        }
    }
}
