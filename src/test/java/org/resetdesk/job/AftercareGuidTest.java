package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The GUID export use case over in-memory ports: refusals send nothing; the log holds only a hash and a size. */
class AftercareGuidTest {
    static final String BOOT = "2026-11-20 08:00:00";
    static final String NEW_PASSWORD = "Tr4vel-Blue9";
    static final String GUID = "7F3A9C0D12E44B58A6C1D2E3F4051627";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    final FakeJobRepository repo = new FakeJobRepository();
    final FakeRecorderLink fake = new FakeRecorderLink(FakeRecorderLink.nvr(BOOT));
    final GuidLink link = new GuidLink(fake);
    final FakeArtifacts artifacts = new FakeArtifacts();
    final JobService svc = new JobService(repo, link, artifacts, clock, Runnable::run);
    final AftercareGuid guid = new AftercareGuid(svc, Runnable::run);

    /** The fake recorder plus ExportGUID: the current password decides; wrong ones count down the retries. */
    static final class GuidLink implements RecorderLink {
        final FakeRecorderLink d;
        int retries = 5;

        GuidLink(FakeRecorderLink d) {
            this.d = d;
        }

        @Override public PortIdentity port() { return d.port(); }
        @Override public List<DeviceInfo> discover(Duration t, Consumer<DeviceInfo> each) { return d.discover(t, each); }
        @Override public Optional<DeviceInfo> poll(String mac, Duration t) { return d.poll(mac, t); }
        @Override public ExportResult export(String mac, ResetMethod m) { return d.export(mac, m); }
        @Override public DeviceOutcome activate(String mac, char[] pw) { return d.activate(mac, pw); }
        @Override public void onAnnouncement(Consumer<DeviceInfo> l) { d.onAnnouncement(l); }

        @Override
        public DeviceOutcome reset(String mac, ResetReply r, char[] pw, boolean sync, boolean enc) {
            return d.reset(mac, r, pw, sync, enc);
        }

        @Override
        public GuidExport exportGuid(String mac, char[] currentPassword) {
            d.sent.add("ExportGUID");
            if (!NEW_PASSWORD.equals(new String(currentPassword))) {
                retries--;
                return new GuidExport(new DeviceOutcome(DeviceOutcome.Kind.PASSWORD_ERROR, retries, null,
                        "PasswordError"), null);
            }
            return new GuidExport(DeviceOutcome.of(DeviceOutcome.Kind.SUCCESS), GUID.getBytes(StandardCharsets.US_ASCII));
        }
    }

    Job passwordSetJob() {
        Job job = svc.open(JobServiceTest.intake(fake.device.serial())).join();
        svc.connect(job.id(), fake.device).join();
        svc.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join();
        JobService.ResetAttempt r = svc.importReply(job.id(), RecorderLink.ResetReply.key(fake.goodKey()),
                NEW_PASSWORD.toCharArray(), false).join();
        assertThat(r.job().state()).isEqualTo(JobState.PASSWORD_SET);
        return r.job();
    }

    static Refusal refusal(Throwable t) {
        return ((RefusedException) (t instanceof CompletionException ? t.getCause() : t)).refusal();
    }

    @Test
    void exportedGuidIsReturnedAndOnlyItsHashAndSizeAreLogged() {
        Job job = passwordSetJob();
        char[] pw = NEW_PASSWORD.toCharArray();
        AftercareGuid.Result r = guid.exportGuid(job.id(), pw).join();
        assertThat(r.exported()).isTrue();
        assertThat(new String(r.guidFile(), StandardCharsets.US_ASCII)).isEqualTo(GUID);
        assertThat(r.sha256()).isEqualTo(AftercareGuid.sha256(GUID.getBytes(StandardCharsets.US_ASCII))).hasSize(64);
        assertThat(pw).as("the password is wiped").containsOnly('\0');
        assertThat(fake.sent).endsWith("ExportGUID");

        JobEvent e = repo.events(job.id()).get(repo.events(job.id()).size() - 1);
        assertThat(e.type()).isEqualTo(AftercareGuid.EVENT);
        assertThat(e.detail()).contains("sha256=" + r.sha256(), "bytes=32").doesNotContain(GUID)
                .doesNotContainIgnoringCase(GUID.substring(0, 8));
        assertThat(repo.events(job.id())).allSatisfy(ev -> assertThat(ev.detail())
                .doesNotContainIgnoringCase(GUID).doesNotContain(NEW_PASSWORD));
        assertThat(artifacts.files.values()).as("nothing in the job's data folder holds the GUID")
                .noneMatch(b -> new String(b, StandardCharsets.US_ASCII).contains(GUID));
        assertThat(r.job().state()).as("state unchanged").isEqualTo(JobState.PASSWORD_SET);

        r.wipe();
        assertThat(r.guidFile()).containsOnly((byte) 0);
    }

    @Test
    void aWrongPasswordReturnsTheDevicesAnswerOnceAndLogsTheRetries() {
        Job job = passwordSetJob();
        int before = fake.sent.size();
        AftercareGuid.Result r = guid.exportGuid(job.id(), "Wrong-Pass1".toCharArray()).join();
        assertThat(r.exported()).isFalse();
        assertThat(r.guidFile()).isNull();
        assertThat(r.outcome().kind()).isEqualTo(DeviceOutcome.Kind.PASSWORD_ERROR);
        assertThat(r.outcome().retriesLeft()).isEqualTo(4);
        assertThat(fake.sent.subList(before, fake.sent.size())).as("sent once, never retried")
                .containsExactly("ExportGUID");
        assertThat(repo.events(job.id())).last().satisfies(ev -> {
            assertThat(ev.type()).isEqualTo(AftercareGuid.EVENT);
            assertThat(ev.detail()).isEqualTo("GUID file not exported: PASSWORD_ERROR (PasswordError), retries left 4");
        });
    }

    @Test
    void refusedBeforeThePasswordIsSetAndAfterTheJobIsClosedWithNothingSent() {
        Job job = svc.open(JobServiceTest.intake(fake.device.serial())).join();
        svc.connect(job.id(), fake.device).join();
        char[] pw = NEW_PASSWORD.toCharArray();
        assertThatThrownBy(() -> guid.exportGuid(job.id(), pw).join())
                .satisfies(t -> assertThat(refusal(t).key()).isEqualTo("guid.refused.state"));
        assertThat(pw).as("wiped on refusal too").containsOnly('\0');

        Job set = passwordSetJob();
        svc.startAftercare(set.id()).join();
        assertThat(guid.exportGuid(set.id(), NEW_PASSWORD.toCharArray()).join().exported())
                .as("AFTERCARE allows it").isTrue();
        svc.close(set.id()).join();
        assertThatThrownBy(() -> guid.exportGuid(set.id(), NEW_PASSWORD.toCharArray()).join())
                .satisfies(t -> assertThat(refusal(t).key()).isEqualTo("guid.refused.state"));
        assertThat(fake.sent).containsOnlyOnce("ExportGUID");
    }

    @Test
    void refusedWhenTheRecorderHasNoGuidSupportOrNoPasswordIsGiven() {
        fake.device = FakeRecorderLink.nvr(BOOT, Set.of(ResetMethod.ENCRYPTED_STRING));
        Job job = passwordSetJob();
        assertThatThrownBy(() -> guid.exportGuid(job.id(), NEW_PASSWORD.toCharArray()).join())
                .satisfies(t -> assertThat(refusal(t).key()).isEqualTo("guid.refused.unsupported"));
        fake.device = FakeRecorderLink.nvr(BOOT);
        Job other = passwordSetJob();
        assertThatThrownBy(() -> guid.exportGuid(other.id(), new char[0]).join())
                .satisfies(t -> assertThat(refusal(t).key()).isEqualTo("guid.refused.noPassword"));
        assertThat(fake.sent).doesNotContain("ExportGUID");
    }

    @Test
    void theCommandPolicyAllowsExportGuidAfterTheResetAsAConfigureCommand() {
        Job job = passwordSetJob();
        DeviceCommand c = DeviceCommand.sadp("ExportGUID");
        assertThat(c.commandClass()).isEqualTo(CommandClass.CONFIGURE);
        assertThat(DeviceCommand.sadp("ExportGUID_v31").commandClass()).isEqualTo(CommandClass.CONFIGURE);
        assertThat(CommandPolicy.check(c, Optional.of(job), false, clock.instant())).isEmpty();
        assertThat(AftercareGuid.mayExport(job, NEW_PASSWORD.toCharArray(), clock.instant())).isEmpty();
    }

    @Test
    void aLinkWithoutGuidSupportAnswersRefusedAndTheJobLogsIt() {
        JobService plain = new JobService(repo, fake, artifacts, clock, Runnable::run);
        Job job = svc.open(JobServiceTest.intake(fake.device.serial())).join();
        plain.connect(job.id(), fake.device).join();
        plain.export(job.id(), ResetMethod.ENCRYPTED_STRING, false).join();
        plain.importReply(job.id(), RecorderLink.ResetReply.key(fake.goodKey()), NEW_PASSWORD.toCharArray(), false)
                .join();
        AftercareGuid.Result r = new AftercareGuid(plain, Runnable::run).exportGuid(job.id(),
                NEW_PASSWORD.toCharArray()).join();
        assertThat(r.outcome().kind()).isEqualTo(DeviceOutcome.Kind.REFUSED);
        assertThat(r.exported()).isFalse();
        assertThat(repo.events(job.id())).last().satisfies(ev -> assertThat(ev.detail())
                .startsWith("GUID file not exported: REFUSED"));
    }
}
