package org.resetdesk.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.CloudStatus;
import org.resetdesk.job.RecorderApi.DeviceClock;
import org.resetdesk.job.RecorderApi.Disk;
import org.resetdesk.job.RecorderApi.Identity;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Result;

/**
 * Aftercare after a reset: prove the new password, cross-check the recorder's identity and clock, look at its disks,
 * turn overwriting on and free it from the old Hik-Connect account when the customer asked for it. Pure
 * orchestration over {@link RecorderApi}: it never reboots, re-times, re-addresses or formats (the API cannot), it
 * stops at the first failed login, and it returns the events for the caller to save with the job.
 *
 * <p>Blocking: run it on an executor. The password stays the caller's (wipe it after the call).
 */
public final class Aftercare {
    /** A device clock further off than this is worth telling the customer. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    public static final String DEFAULT_USER = "admin";

    private final Clock clock;
    private final SadpCloud sadp;

    public Aftercare(Clock clock) {
        this(clock, null);
    }

    /** @param sadp Hik-Connect over SADP for recorders whose ISAPI cannot tell or unbind; null when not wired */
    public Aftercare(Clock clock, SadpCloud sadp) {
        this.clock = clock;
        this.sadp = sadp;
    }

    /**
     * Hik-Connect over SADP (sadp-protocol.md §8), on the recorder of the job, for recorders whose ISAPI does not
     * report the binding or cannot unbind. Blocking. Aftercare passes each call through the command policy first.
     */
    public interface SadpCloud {
        /** {@code getUnbindStatus}: rawResult success (bound, can be unbound), notBind, unenableHCPlatform, offlineHCPlatform. */
        DeviceOutcome unbindStatus();

        /** {@code ezvizUnbind} with the admin password: SUCCESS, PASSWORD_ERROR (retries), LOCKED (minutes). */
        DeviceOutcome ezvizUnbind(char[] password);
    }

    /** What the customer agreed to; anything false is only read, never changed. */
    public record Options(boolean enableOverwrite, boolean unbindCloud, String reservedEmail) {
        public static Options readOnly() {
            return new Options(false, false, null);
        }
    }

    /** The report, the events to save with the job, and the refusal when aftercare did not run at all. */
    public record Run(AftercareReport report, List<JobEvent> events, Refusal refusal) {
        public Run {
            events = List.copyOf(events);
        }
    }

    /** The command policy for this job at the time of each call: what an ISAPI adapter must be given. */
    public static Function<DeviceCommand, Optional<Refusal>> gate(Job job, Clock clock) {
        Optional<Job> open = job != null && job.isOpen() ? Optional.of(job) : Optional.empty();
        return command -> CommandPolicy.check(command, open, false, clock.instant());
    }

    /** The certificate pinned for this job by an earlier aftercare run, from its events. */
    public static Optional<String> pinnedCertificate(List<JobEvent> events) {
        String pin = null;
        for (JobEvent e : events) {
            if ("isapi.tls.pinned".equals(e.type()) && e.detail() != null && e.detail().startsWith("sha256=")) {
                pin = e.detail().substring("sha256=".length()).trim();
            }
        }
        return Optional.ofNullable(pin);
    }

    public Run run(Job job, RecorderApi api, char[] password, Options options) {
        Instant started = clock.instant();
        if (job.state() != JobState.PASSWORD_SET && job.state() != JobState.AFTERCARE && job.state() != JobState.CLOSED) {
            Refusal r = Refusal.of("aftercare.refused.state",
                    "aftercare needs a job whose password has been set (job " + job.id() + " is " + job.state() + ")",
                    job.id(), job.state());
            return new Run(null, List.of(JobEvent.of(job.id(), started, "aftercare.refused", r.text())), r);
        }
        Draft d = new Draft(job, started);
        d.event("aftercare.started", describe(options));
        Result<RecorderApi.Login> login = api.verify(DEFAULT_USER, password);
        d.transport(api.transport());
        d.note(login);
        if (!login.accepted()) {
            d.loginFailed(login);
            return d.finish();
        }
        d.verified = true;
        d.verifyOutcome = login.outcome().plain();
        d.event("aftercare.verify", "the new password is accepted");
        if (login.value() != null && Boolean.TRUE.equals(login.value().riskPassword())) {
            d.advice.add("The recorder rates the new password as risky: suggest a stronger one to the customer.");
        }
        d.identity(api.deviceInfo());
        d.clock(api.time(), clock.instant());
        d.disks(api.disks());
        overwrite(d, api, options);
        new AftercareCloud(d, api, sadp, clock).run(password, options.unbindCloud());
        if (options.reservedEmail() != null && !options.reservedEmail().isBlank()) {
            Result<Boolean> mail = api.setReservedEmail(options.reservedEmail().trim());
            d.note(mail);
            d.reservedEmailSet = mail.accepted();
            d.event("aftercare.email", mail.accepted() ? "reserved e-mail set" : "reserved e-mail not set: "
                    + mail.outcome().plain());
        }
        d.diskAdvice();
        return d.finish();
    }

    private static void overwrite(Draft d, RecorderApi api, Options options) {
        Result<Boolean> before = api.overwrite();
        d.note(before);
        d.overwriteBefore = before.value();
        d.overwriteAfter = before.value();
        if (Boolean.FALSE.equals(before.value()) && options.enableOverwrite()) {
            Result<Boolean> after = api.enableOverwrite();
            d.note(after);
            d.overwriteAfter = after.accepted() ? after.value() : before.value();
            d.event("aftercare.overwrite", "overwrite was off; enabling with the customer's consent: "
                    + after.outcome().plain() + "; now " + onOff(d.overwriteAfter));
            if (!after.accepted()) {
                d.advice.add("Overwrite could not be turned on (" + after.outcome().plain() + ")."
                        + (after.kind() == Kind.REFUSED ? " The kiosk does not make this change while the job is"
                        + " open; turn it on after closing the job." : ""));
            }
        } else {
            d.event("aftercare.overwrite", "overwrite is " + onOff(before.value())
                    + (before.accepted() ? "" : " (" + before.outcome().plain() + ")"));
        }
    }

    static String onOff(Boolean b) {
        return b == null ? "unknown" : b ? "on" : "off";
    }

    private static String describe(Options o) {
        return "consent: overwrite=" + (o.enableOverwrite() ? "yes" : "no") + ", unbind=" + (o.unbindCloud() ? "yes" : "no")
                + ", reserved e-mail=" + (o.reservedEmail() == null || o.reservedEmail().isBlank() ? "no" : "yes");
    }

    /** The run in progress; becomes the report. */
    static final class Draft extends AftercareFindings {
        Draft(Job job, Instant at) {
            super(job, at);
        }

        void identity(Result<Identity> r) {
            note(r);
            Identity id = r.value();
            if (id == null) {
                event("aftercare.identity", "deviceInfo not read: " + r.outcome().plain());
                return;
            }
            serial = id.serial();
            model = id.model();
            firmware = id.firmwareBuild() == null ? id.firmware() : id.firmware() + " " + id.firmwareBuild();
            DeviceInfo sadp = job.device();
            if (sadp != null && sadp.serial() != null) {
                Optional<String> why = SerialNumbers.mismatch(sadp.serial(), id.serial());
                serialMatchesSadp = why.isEmpty();
                why.ifPresent(w -> mismatches.add("serial (SADP vs ISAPI): " + w));
            }
            String label = job.intake() == null ? null : job.intake().labelSerial();
            if (label != null && !label.isBlank()) {
                Optional<String> why = SerialNumbers.mismatch(label, id.serial());
                serialMatchesLabel = why.isEmpty();
                why.ifPresent(w -> mismatches.add("serial (label vs ISAPI): " + w));
            }
            if (sadp != null && sadp.model() != null && id.model() != null) {
                modelMatchesSadp = norm(sadp.model()).equals(norm(id.model()));
                if (!modelMatchesSadp) {
                    mismatches.add("model: SADP " + sadp.model() + ", ISAPI " + id.model());
                }
            }
            if (sadp != null && sadp.firmware() != null && id.firmware() != null) {
                firmwareMatchesSadp = sameFirmware(sadp.firmware(), id.firmware(), id.firmwareBuild());
                if (!firmwareMatchesSadp) {
                    mismatches.add("firmware: SADP " + sadp.firmware() + ", ISAPI " + firmware);
                }
            }
            event("aftercare.identity", mismatches.isEmpty() ? "serial " + serial + ", model " + model + ", firmware "
                    + firmware + ": agrees with SADP and the label" : String.join("; ", mismatches));
            if (!mismatches.isEmpty()) {
                advice.add("Stop: the recorder answering over the network does not match the one identified for this"
                        + " job (" + String.join("; ", mismatches) + ").");
            }
        }

        void clock(Result<DeviceClock> r, Instant kiosk) {
            note(r);
            kioskClock = kiosk;
            DeviceClock c = r.value();
            if (c == null) {
                event("aftercare.clock", "device time not read: " + r.outcome().plain());
                return;
            }
            deviceClock = c.localTimeText();
            if (c.localTime() == null) {
                event("aftercare.clock", "device time '" + c.localTimeText() + "' could not be read as a date");
                return;
            }
            long skew = Duration.between(kiosk, c.localTime().toInstant()).getSeconds();
            clockSkewSeconds = skew;
            event("aftercare.clock", "device " + c.localTimeText() + " (" + c.timeMode() + ", " + c.timeZone()
                    + "), kiosk " + kiosk + ", difference " + skew + " s");
            if (c.localTime().getYear() < 2000) {
                advice.add("The recorder's clock is at " + c.localTime().getYear() + ": its clock battery may be flat."
                        + " Set the time after the job is closed (never during the reset).");
            } else if (Math.abs(skew) > CLOCK_TOLERANCE.getSeconds()) {
                advice.add("The recorder's clock is " + humanDuration(skew) + " the kiosk's. Its recordings carry"
                        + " wrong times; set it after the job is closed (never during the reset).");
            }
        }

        void disks(Result<List<Disk>> r) {
            note(r);
            if (r.value() == null) {
                event("aftercare.disks", "disks not read: " + r.outcome().plain());
                return;
            }
            disks = r.value();
            List<String> parts = new ArrayList<>();
            for (Disk k : disks) {
                parts.add(k.name() + " " + k.status() + " " + k.freeMiB() + "/" + k.capacityMiB() + " MiB free");
            }
            event("aftercare.disks", disks.isEmpty() ? "no disk" : String.join(", ", parts));
        }

        private static String norm(String s) {
            return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        }

        static boolean sameFirmware(String sadp, String version, String build) {
            String s = norm(sadp);
            if (!s.startsWith(norm(version))) {
                return false;
            }
            String digits = build == null ? "" : build.replaceAll("\\D", "");
            return digits.isEmpty() || !s.contains("BUILD") || s.contains(digits);
        }

        private static String humanDuration(long seconds) {
            long a = Math.abs(seconds);
            String amount = a >= 86400 ? a / 86400 + " days" : a >= 3600 ? a / 3600 + " h" : a / 60 + " min";
            return amount + (seconds < 0 ? " behind" : " ahead of");
        }
    }
}
