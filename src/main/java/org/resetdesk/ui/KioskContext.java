package org.resetdesk.ui;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.resetdesk.job.JobService;
import org.resetdesk.job.StaffDirectory;

/**
 * Everything the kiosk UI needs, composed by {@code Main} (or by a test from in-memory parts).
 *
 * @param jobs the job use cases; futures complete on any thread, the UI hops back to the EDT itself
 * @param staff staff accounts and PIN sign-in (may block: called on {@code io})
 * @param clock the kiosk's time (countdowns, today's figures)
 * @param io executor for anything that blocks (files, staff directory, trainer controls)
 * @param training whether this is a training station (banner and trainer panel)
 * @param trainer the training fault controls; null when not training
 * @param services aftercare, paperwork, console and training hints; parts are null when not wired
 */
public record KioskContext(
        JobService jobs,
        StaffDirectory staff,
        Clock clock,
        Executor io,
        boolean training,
        TrainerControls trainer,
        KioskSettings settings,
        KioskServices services) {

    public KioskContext(JobService jobs, StaffDirectory staff, Clock clock, Executor io, boolean training,
                        TrainerControls trainer, KioskSettings settings) {
        this(jobs, staff, clock, io, training, trainer, settings, KioskServices.none());
    }

    /** The same context with these services. */
    public KioskContext with(KioskServices s) {
        return new KioskContext(jobs, staff, clock, io, training, trainer, settings, s);
    }

    public KioskContext {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(settings, "settings");
        services = services == null ? KioskServices.none() : services;
        if (training && trainer == null) {
            throw new IllegalArgumentException("a training station needs trainer controls");
        }
    }
}
