package org.resetdesk.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.Disk;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Result;
import org.resetdesk.job.RecorderApi.Transport;

/** The mutable state of one aftercare run (not thread-safe, lives for one call of {@link Aftercare#run}). */
abstract class AftercareFindings {
    final Job job;
    final Instant at;
    final List<JobEvent> events = new ArrayList<>();
    final Set<String> advice = new LinkedHashSet<>();
    final List<String> mismatches = new ArrayList<>();
    String scheme;
    String certificate;
    boolean verified;
    String verifyOutcome;
    Integer retriesLeft;
    Integer unlockSeconds;
    String serial;
    String model;
    String firmware;
    Boolean serialMatchesSadp;
    Boolean serialMatchesLabel;
    Boolean modelMatchesSadp;
    Boolean firmwareMatchesSadp;
    String deviceClock;
    Instant kioskClock;
    Long clockSkewSeconds;
    List<Disk> disks;
    Boolean overwriteBefore;
    Boolean overwriteAfter;
    Binding cloudBefore;
    Binding cloudAfter;
    Boolean reservedEmailSet;
    boolean rebootRequired;

    AftercareFindings(Job job, Instant at) {
        this.job = job;
        this.at = at;
    }

    final void event(String type, String detail) {
        events.add(JobEvent.of(job.id(), at, type, detail));
    }

    final void transport(Transport t) {
        if (t == null) {
            return;
        }
        scheme = t.scheme();
        certificate = t.certificateSha256();
        if (t.pinnedNow() && t.certificateSha256() != null) {
            event("isapi.tls.pinned", "sha256=" + t.certificateSha256());
        }
    }

    /** Records what every result says beyond its value: policy refusals and "reboot required". */
    final void note(Result<?> r) {
        if (r.kind() == Kind.REFUSED) {
            event("aftercare.refused", r.outcome().detail());
        }
        if (r.kind() == Kind.REBOOT_REQUIRED && !rebootRequired) {
            rebootRequired = true;
            event("aftercare.rebootRequired", "the recorder answered statusCode 7 (reboot required); not acted on");
            advice.add("The recorder says a restart is needed for a change to take effect. Do not restart it while"
                    + " the job is open: restart it after the job is closed, with the customer's agreement.");
        }
        if (r.kind() == Kind.CERTIFICATE_CHANGED) {
            advice.add("Stop: the recorder presented a different security certificate from the one recorded for this"
                    + " job. Something else may be answering at its address.");
        }
    }

    final void loginFailed(Result<?> login) {
        verifyOutcome = login.outcome().plain();
        retriesLeft = login.outcome().retriesLeft();
        unlockSeconds = login.outcome().unlockSeconds();
        event("aftercare.verify", "the password was not accepted, stopped after one try: " + verifyOutcome);
        switch (login.kind()) {
            case LOCKED -> advice.add("The recorder has locked logins" + (unlockSeconds == null ? ""
                    : " for " + (unlockSeconds + 59) / 60 + " min") + ". Do not try again until then: every try"
                    + " while locked can extend the lock.");
            case UNAUTHORIZED -> advice.add("The recorder did not accept the password" + (retriesLeft == null ? "."
                    : " and allows " + retriesLeft + " more tries before it locks.")
                    + (retriesLeft != null && retriesLeft <= 2 ? " Do not try again at the counter: too few tries are"
                    + " left." : " Check the password with the customer before any new try; the kiosk never retries"
                    + " on its own."));
            case INSECURE -> advice.add("The recorder only offers Basic authentication over plain HTTP: the kiosk does"
                    + " not send passwords that way. Check on the recorder's screen instead.");
            case UNREACHABLE -> advice.add("The recorder did not answer over HTTP. Check the cable and its address.");
            default -> advice.add("The password could not be checked: " + verifyOutcome);
        }
    }

    final void diskAdvice() {
        if (disks == null) {
            return;
        }
        if (disks.isEmpty()) {
            advice.add("No disk is installed: the recorder cannot record.");
        }
        for (Disk k : disks) {
            if (!k.healthy()) {
                advice.add("Disk " + k.id() + " (" + k.name() + ") reports '" + k.status()
                        + "': it is not recording. A replacement or a format (after the job, with consent) may be"
                        + " needed.");
            } else if (k.full() && !Boolean.TRUE.equals(overwriteAfter)) {
                advice.add("Disk " + k.id() + " is full and overwrite is off: the recorder has stopped recording."
                        + " With the customer's consent, turning overwrite on lets it record again by replacing the"
                        + " oldest footage.");
            }
        }
        if (Boolean.TRUE.equals(overwriteAfter) && Boolean.FALSE.equals(overwriteBefore)) {
            advice.add("Overwrite is now on: the oldest recordings are replaced when the disk is full.");
        }
    }

    final Aftercare.Run finish() {
        event("aftercare.finished", verified ? "verified; " + advice.size() + " advice line(s)" : "not verified");
        AftercareReport r = new AftercareReport(job.id(), at, scheme, certificate, verified, verifyOutcome, retriesLeft,
                unlockSeconds, serial, model, firmware, serialMatchesSadp, serialMatchesLabel, modelMatchesSadp,
                firmwareMatchesSadp, mismatches, deviceClock, kioskClock, clockSkewSeconds, disks, overwriteBefore,
                overwriteAfter, cloudBefore, cloudAfter, reservedEmailSet, rebootRequired, List.copyOf(advice));
        return new Aftercare.Run(r, events, null);
    }
}
