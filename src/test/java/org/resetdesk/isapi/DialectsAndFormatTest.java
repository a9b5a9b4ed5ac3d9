package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.recorder.isapi.IsapiDialect;
import org.resetdesk.recorder.isapi.IsapiServer;

class DialectsAndFormatTest {

    @ParameterizedTest
    @EnumSource(IsapiDialect.class)
    void everyNamespaceVariantWorksOverHttp(IsapiDialect dialect) throws Exception {
        IsapiDialect errors = IsapiDialect.values()[(dialect.ordinal() + 2) % IsapiDialect.values().length];
        try (IsapiRig rig = new IsapiRig(IsapiServer.Options.defaults().dialects(dialect, errors));
             IsapiClient c = rig.client(rig.openJob())) {
            assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
            assertThat(c.deviceInfo().value().serial()).isEqualTo(IsapiRig.SERIAL);
            assertThat(c.disks().value()).hasSize(1);
            assertThat(c.overwrite().value()).isFalse();
            assertThat(c.cloudStatus().value().binding()).isEqualTo(Binding.BOUND);
            var enabled = c.enableOverwrite();
            assertThat(enabled.kind()).isEqualTo(Kind.OK);
            assertThat(enabled.value()).isTrue();
            // an unknown GET comes back as a ResponseStatus in the error namespace
            var missing = c.call("GET", "/ISAPI/System/doesNotExist", null);
            assertThat(missing.kind()).isEqualTo(Kind.NOT_SUPPORTED);
            assertThat(missing.outcome().statusCode()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"nvr", "dvr", "camera", "legacy", "inactive"})
    void everyRecorderProfileGoesThroughAftercare(String profile) throws Exception {
        try (IsapiRig rig = new IsapiRig(IsapiServer.Options.forProfile(profile));
             IsapiClient c = rig.client(rig.job(JobState.CLOSED, IsapiRig.SERIAL))) {
            var run = new org.resetdesk.job.Aftercare(rig.clock).run(rig.job(JobState.CLOSED, IsapiRig.SERIAL), c,
                    IsapiRig.PASSWORD.toCharArray(), new org.resetdesk.job.Aftercare.Options(true, true, null));
            assertThat(run.report().verified()).isTrue();
            assertThat(run.report().identityConfirmed()).isTrue();
            assertThat(run.report().overwriteBefore()).isFalse();
            assertThat(run.report().overwriteAfter()).isTrue();
            boolean unbindOffered = IsapiServer.Options.forProfile(profile).unbindSupported();
            assertThat(run.report().cloudAfter()).isEqualTo(unbindOffered ? Binding.UNBOUND : Binding.BOUND);
            assertThat(rig.state.hikConnectBound()).isEqualTo(!unbindOffered);
        }
    }

    @Test
    void formatNeedsTwoConfirmationsAndNoOpenJob() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            var complete = new IsapiClient.FormatConfirmation("1", true, "FORMAT 1", "FORMAT 1");
            try (IsapiClient open = rig.client(rig.openJob())) {
                open.verify("admin", IsapiRig.PASSWORD.toCharArray());
                var refused = open.formatDisk(complete);
                assertThat(refused.kind()).isEqualTo(Kind.REFUSED);
                assertThat(refused.refusal().key()).isEqualTo("policy.refused.openJob");
            }
            try (IsapiClient closed = rig.client(rig.job(JobState.CLOSED, IsapiRig.SERIAL))) {
                closed.verify("admin", IsapiRig.PASSWORD.toCharArray());
                assertThat(closed.formatDisk(new IsapiClient.FormatConfirmation("1", true, "FORMAT 1", "FORMAT 2"))
                        .kind()).isEqualTo(Kind.REFUSED);
                assertThat(closed.formatDisk(new IsapiClient.FormatConfirmation("1", false, "FORMAT 1", "FORMAT 1"))
                        .kind()).isEqualTo(Kind.REFUSED);
                assertThat(rig.server.received("PUT", "/ISAPI/ContentMgmt/Storage/hdd")).isZero();
                var formatted = closed.formatDisk(complete);
                assertThat(formatted.kind()).isEqualTo(Kind.OK);
                assertThat(closed.disks().value().get(0).freeMiB()).isEqualTo(1907729);
            }
        }
    }

    @Test
    void reservedEmailIsAConfigurationChangeAllowedDuringAnOpenJob() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            try (IsapiClient open = rig.client(rig.openJob())) {
                open.verify("admin", IsapiRig.PASSWORD.toCharArray());
                assertThat(org.resetdesk.job.DeviceCommand.isapi("PUT", IsapiClient.RESERVED_EMAIL).commandClass())
                        .isEqualTo(org.resetdesk.job.CommandClass.CONFIGURE);
                assertThat(open.setReservedEmail("owner@example.com").kind()).isEqualTo(Kind.OK);
                assertThat(rig.server.received("PUT", IsapiClient.RESERVED_EMAIL)).isEqualTo(1);
            }
            try (IsapiClient closed = rig.client(rig.job(JobState.CLOSED, IsapiRig.SERIAL))) {
                closed.verify("admin", IsapiRig.PASSWORD.toCharArray());
                assertThat(closed.setReservedEmail("not an address").kind()).isEqualTo(Kind.INVALID_CONTENT);
                assertThat(closed.setReservedEmail("owner@example.com").kind()).isEqualTo(Kind.OK);
                assertThat(rig.state.reservedEmail()).isEqualTo("owner@example.com");
            }
        }
    }
}
