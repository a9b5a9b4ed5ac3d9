package org.resetdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.resetdesk.job.Attempt;
import org.resetdesk.job.Baseline;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;

/** Jobs in the states the support tests need, built through the domain's own transitions. */
final class TestJobs {
    static final Instant T0 = Instant.parse("2026-11-24T09:15:00Z");
    static final String SERIAL = "DS-7608NI-E2/8P0820160211AAWR681619114WCVU";
    static final String SHORT = "681619114";

    private TestJobs() {}

    static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    static Intake intake(String staff, String customer, String contact, boolean notify, String labelSerial) {
        return intakeAt(staff, customer, contact, notify, labelSerial, T0);
    }

    /** The job opens when the consent is accepted. */
    static Intake intakeAt(String staff, String customer, String contact, boolean notify, String labelSerial,
                           Instant at) {
        return new Intake(staff, customer, contact, Intake.OwnershipKind.RECEIPT, "INV-2291", "passport", "1234",
                "v1", at, notify, labelSerial, List.of("photos/label.jpg"));
    }

    static DeviceInfo device(String serial) {
        return new DeviceInfo("DS-7608NI-E2/8P", serial, "c0-56-e3-fe-42-92", "192.168.1.64", "255.255.255.0",
                "192.168.1.1", "V4.30.085 build 200916", "2026-11-23 08:02:11", true,
                Set.of(ResetMethod.ENCRYPTED_STRING), false, true, false, 48);
    }

    /** A job whose request was exported at {@code exportedAt} and is armed. */
    static Job exported(String id, String serial, Intake intake, Instant exportedAt) {
        Clock c = clock(exportedAt);
        DeviceInfo d = device(serial);
        Job j = Job.open(id, intake, clock(intake.consentAcceptedAt())).moveTo(JobState.IDENTIFIED, c)
                .withDevice(d, "eth1").withMethod(ResetMethod.ENCRYPTED_STRING);
        Attempt a = new Attempt(1, ResetMethod.ENCRYPTED_STRING, exportedAt, Guards.deadlineFor(d, exportedAt),
                "ab".repeat(32), new Baseline(d.bootTime(), d.network(), "eth1", "192.168.1.2"), null, false);
        return j.withAttempt(a).moveTo(JobState.REQUEST_EXPORTED, c);
    }

    static Job exported(String id) {
        return exported(id, SERIAL, intake("anna", "Jo Customer", "jo@example.test", true, SERIAL),
                T0.plus(Duration.ofMinutes(20)));
    }

    /** The same job after a successful reset. */
    static Job passwordSet(Job j) {
        Clock c = clock(j.updatedAt().plus(Duration.ofHours(3)));
        return j.moveTo(JobState.REPLY_RECEIVED, c).withAttempt(j.attempt().success()).moveTo(JobState.PASSWORD_SET, c);
    }

    static Properties baseProperties() {
        Properties p = new Properties();
        p.setProperty("shop.name", "Counter Fixers Ltd");
        p.setProperty("shop.address", "1 High Street, Leeds");
        p.setProperty("shop.country", "United Kingdom");
        p.setProperty("support.requester.name", "Anna Staff");
        p.setProperty("support.requester.email", "desk@counterfixers.test");
        p.setProperty("support.requester.phone", "+44 113 000 0000");
        p.setProperty("support.requester.role", "reseller");
        return p;
    }

    static RequestForm form(SupportSettings s, Job j) {
        return RequestForm.of(s, j, new RequestForm.Purchase("Leeds CCTV Supplies", "distributor"), "2026-11-24");
    }
}
