package org.resetdesk.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.resetdesk.job.Attempt;
import org.resetdesk.job.Baseline;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.GuardStatus;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;
import org.resetdesk.job.Lockout;
import org.resetdesk.job.NetworkIdentity;
import org.resetdesk.job.Observation;
import org.resetdesk.job.ResetMethod;

/** Test data: intakes, devices and random job trees built from a seeded Random. */
final class TestJobs {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private TestJobs() {}

    static Intake intake(String customer, String serial) {
        return new Intake("ann", customer, customer + "@example.test", Intake.OwnershipKind.RECEIPT, "INV-" + serial,
                "passport", "4711", "consent-v1", T0, true, serial, List.of());
    }

    static Job open(String id, String customer, String serial, Clock clock) {
        return Job.open(id, intake(customer, serial), clock);
    }

    static DeviceInfo device(String serial, String mac) {
        return new DeviceInfo("DS-7608NI-K2", serial, mac, "192.168.1.64", "255.255.255.0", "192.168.1.1", "V4.30.085",
                "2026-02-28 08:00:00", true, Set.of(ResetMethod.ENCRYPTED_STRING), false, false, true, 48);
    }

    /** Moves {@code job} along legal transitions to {@code target}'s path, returning the job and its state events. */
    static Job walk(Job job, List<JobState> path, Clock clock, List<JobEvent> events) {
        Job j = job;
        for (JobState s : path) {
            j = s == JobState.ABANDONED ? j.abandoned("customer left", clock) : j.moveTo(s, clock);
            events.add(JobEvent.of(j.id(), clock.instant(), StateHistory.PREFIX + s, "moved to " + s));
        }
        return j;
    }

    /** A legal next state of {@code s}, chosen at random, or null for a final state. */
    static JobState randomNext(JobState s, Random rnd) {
        List<JobState> next = new ArrayList<>();
        for (JobState n : JobState.values()) {
            if (s.canMoveTo(n)) {
                next.add(n);
            }
        }
        return next.isEmpty() ? null : next.get(rnd.nextInt(next.size()));
    }

    static String text(Random rnd, boolean nullable) {
        if (nullable && rnd.nextInt(4) == 0) {
            return null;
        }
        String alphabet = "abcXYZ019 -_'\"\\%éüß漢字€\n";
        StringBuilder s = new StringBuilder();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static Instant instant(Random rnd, boolean nullable) {
        if (nullable && rnd.nextInt(4) == 0) {
            return null;
        }
        return T0.plusSeconds(rnd.nextInt(10_000_000)).plusNanos(rnd.nextInt(1_000_000_000));
    }

    static <E extends Enum<E>> E pick(Class<E> type, Random rnd, boolean nullable) {
        E[] all = type.getEnumConstants();
        return nullable && rnd.nextInt(4) == 0 ? null : all[rnd.nextInt(all.length)];
    }

    static Job randomJob(String id, Random rnd) {
        Intake in = new Intake(text(rnd, true), text(rnd, true), text(rnd, true),
                pick(Intake.OwnershipKind.class, rnd, true), text(rnd, true), text(rnd, true),
                rnd.nextBoolean() ? null : "12ab", text(rnd, true), instant(rnd, true), rnd.nextBoolean(),
                text(rnd, true), rnd.nextBoolean() ? List.of() : List.of("jobs/" + id + "/label.jpg"));
        EnumSet<ResetMethod> methods = EnumSet.noneOf(ResetMethod.class);
        for (ResetMethod m : ResetMethod.values()) {
            if (rnd.nextBoolean()) {
                methods.add(m);
            }
        }
        DeviceInfo dev = rnd.nextInt(3) == 0 ? null : new DeviceInfo(text(rnd, true), text(rnd, true),
                "c0-56-e3-fe-42-9" + rnd.nextInt(10), text(rnd, true), text(rnd, true), text(rnd, true),
                text(rnd, true), text(rnd, true), rnd.nextBoolean() ? null : rnd.nextBoolean(), methods,
                rnd.nextBoolean(), null, rnd.nextBoolean(), rnd.nextBoolean() ? null : 24);
        NetworkIdentity net = new NetworkIdentity(text(rnd, true), text(rnd, true), text(rnd, true), text(rnd, true));
        Attempt att = rnd.nextInt(3) == 0 ? null : new Attempt(rnd.nextInt(5) + 1, pick(ResetMethod.class, rnd, true),
                instant(rnd, true), instant(rnd, true), text(rnd, true),
                rnd.nextBoolean() ? null : new Baseline(text(rnd, true), net, text(rnd, true), text(rnd, true)),
                text(rnd, true), rnd.nextBoolean());
        Observation obs = rnd.nextInt(3) == 0 ? null : new Observation(instant(rnd, false),
                pick(Observation.Kind.class, rnd, false), rnd.nextBoolean() ? dev : null, text(rnd, true));
        Lockout lock = rnd.nextBoolean() ? null : new Lockout(rnd.nextBoolean() ? null : rnd.nextInt(5), instant(rnd, true));
        return new Job(id, pick(JobState.class, rnd, false), instant(rnd, false), instant(rnd, false), in, dev,
                pick(ResetMethod.class, rnd, true), att, rnd.nextInt(4), lock, obs, pick(GuardStatus.class, rnd, false),
                text(rnd, true), text(rnd, true));
    }
}
