package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Result;
import org.resetdesk.recorder.isapi.IsapiServer;

class IsapiClientTest {

    @Test
    void verifiesAndReadsTheDefaultProfile() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.openJob())) {
            var login = c.verify("admin", IsapiRig.PASSWORD.toCharArray());
            assertThat(login.kind()).isEqualTo(Kind.OK);
            assertThat(c.transport().scheme()).isEqualTo("http");
            var id = c.deviceInfo();
            assertThat(id.value().serial()).isEqualTo(IsapiRig.SERIAL);
            assertThat(id.value().firmware()).isEqualTo("V4.62.210");
            var disks = c.disks().value();
            assertThat(disks).hasSize(1);
            assertThat(disks.get(0).capacityMiB()).isEqualTo(1907729);
            assertThat(disks.get(0).full()).isTrue();
            assertThat(c.overwrite().value()).isFalse();
            assertThat(c.cloudStatus().value().binding()).isEqualTo(Binding.BOUND);
            assertThat(c.time().value().localTime().toInstant()).isEqualTo(rig.clock.instant());
            assertThat(rig.state.loginLock().failures()).isZero();
        }
    }

    @Test
    void wrongPasswordStopsAtTheFirst401WithRetriesLeft() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.openJob())) {
            Result<?> r = c.verify("admin", "Wrong-Password-1".toCharArray());
            assertThat(r.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(r.outcome().retriesLeft()).isEqualTo(6);
            assertThat(rig.state.loginLock().failures()).isEqualTo(1);
            // one challenge round trip and exactly one authenticated try
            assertThat(rig.server.received("GET", "/ISAPI/Security/userCheck")).isEqualTo(2);
            // later calls with the same credentials are not sent at all: each would count as another wrong try
            var later = c.deviceInfo();
            assertThat(later.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(later.outcome().detail()).startsWith("not sent");
            assertThat(c.disks().kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(rig.server.received("GET", "/")).isEqualTo(2);
            assertThat(rig.state.loginLock().failures()).isEqualTo(1);
            // a deliberate new verification (staff typed the password again) is a new, single try
            assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
            assertThat(rig.state.loginLock().failures()).isZero();
        }
    }

    @Test
    void aPasswordChangedMidRunCostsOneTryOnly() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.openJob())) {
            assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
            rig.state.setPassword("Someone-Else-1".toCharArray());
            assertThat(c.deviceInfo().kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(c.time().kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(c.overwrite().kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(rig.state.loginLock().failures()).isEqualTo(1);
            assertThat(rig.server.received("GET", "/ISAPI/System/time")).isZero();
        }
    }

    @Test
    void lockoutAfterSevenIsRespectedAndReported() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            Job job = rig.openJob();
            Result<?> last = null;
            for (int i = 1; i <= 7; i++) {
                try (IsapiClient c = rig.client(job)) {
                    last = c.verify("admin", ("Wrong-Password-" + i).toCharArray());
                }
                if (i < 7) {
                    assertThat(last.kind()).isEqualTo(Kind.UNAUTHORIZED);
                    assertThat(last.outcome().retriesLeft()).isEqualTo(7 - i);
                }
            }
            assertThat(last.kind()).isEqualTo(Kind.LOCKED);
            assertThat(last.outcome().unlockSeconds()).isEqualTo(1800);
            // while locked even the right password is refused, and it does not count as a failure
            try (IsapiClient c = rig.client(job)) {
                Result<?> locked = c.verify("admin", IsapiRig.PASSWORD.toCharArray());
                assertThat(locked.kind()).isEqualTo(Kind.LOCKED);
            }
            assertThat(rig.state.loginLock().failures()).isEqualTo(7);
            rig.clock.advance(java.time.Duration.ofMinutes(31));
            try (IsapiClient c = rig.client(job)) {
                assertThat(c.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.OK);
            }
        }
    }

    @Test
    void basicOnlyDeviceIsRefusedAndNeverGetsAPassword() throws Exception {
        try (IsapiRig rig = new IsapiRig(IsapiServer.Options.defaults().basicAuthOnly());
             IsapiClient c = rig.client(rig.openJob())) {
            Result<?> r = c.verify("admin", IsapiRig.PASSWORD.toCharArray());
            assertThat(r.kind()).isEqualTo(Kind.INSECURE);
            assertThat(rig.server.received("GET", "/ISAPI/Security/userCheck")).isEqualTo(1);
            assertThat(rig.server.basicAuthorizations()).isZero();
        }
    }

    @Test
    void policyBlocksRebootClassCallsBeforeTheyAreSent() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.openJob())) {
            c.verify("admin", IsapiRig.PASSWORD.toCharArray());
            String[][] forbidden = {{"PUT", "/ISAPI/System/reboot"}, {"PUT", "/ISAPI/System/factoryReset?mode=basic"},
                {"PUT", "/ISAPI/System/time"}, {"PUT", "/ISAPI/System/Network/interfaces/1/ipAddress"},
                {"PUT", "/ISAPI/ContentMgmt/Storage/hdd/1/format"}, {"PUT", "/ISAPI/System/updateFirmware"}};
            for (String[] call : forbidden) {
                var r = c.call(call[0], call[1], "<x/>");
                assertThat(r.kind()).as(call[1]).isEqualTo(Kind.REFUSED);
                assertThat(r.refusal().key()).isEqualTo("policy.refused.openJob");
            }
            assertThat(rig.server.received("PUT", "/")).isZero();
        }
    }

    @Test
    void theSameCallsReachTheRecorderWhenNoJobIsOpen() throws Exception {
        // proves the counter above can see them: without an open job the policy lets them through
        try (IsapiRig rig = new IsapiRig(); IsapiClient c = rig.client(rig.job(JobState.CLOSED, IsapiRig.SERIAL))) {
            c.verify("admin", IsapiRig.PASSWORD.toCharArray());
            assertThat(c.call("PUT", "/ISAPI/System/reboot", "<x/>").kind()).isEqualTo(Kind.OK);
            assertThat(rig.server.received("PUT", "/ISAPI/System/reboot")).isPositive();
        }
    }
}
