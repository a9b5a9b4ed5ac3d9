package org.resetdesk.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The intake step: checks the customer's details and photos, stores the photos with the job's files and opens the
 * job. A failed intake leaves nothing behind: no job, no photos.
 */
final class IntakeStep {
    private final JobService svc;
    private final JobRepository repo;
    private final Artifacts artifacts;
    private final Clock clock;

    IntakeStep(JobService svc, JobRepository repo, Artifacts artifacts, Clock clock) {
        this.svc = svc;
        this.repo = repo;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    Job open(Intake given, List<IntakePhoto> photos) {
        for (IntakePhoto p : photos) {
            p.check().ifPresent(r -> {
                throw new RefusedException(r);
            });
        }
        if (photos.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).distinct().count() < photos.size()) {
            throw JobService.refused("intake.refused.photoTwice", "two photos have the same name");
        }
        if (given.customerName() == null || given.customerName().isBlank()) {
            throw JobService.refused("intake.refused.noName", "the customer's name is required");
        }
        if (SerialNumbers.normalise(given.labelSerial()).isEmpty()) {
            throw JobService.refused("intake.refused.noSerial", "the serial from the device label is required");
        }
        String id = repo.nextJobId();
        List<Artifacts.Stored> stored = new ArrayList<>();
        try {
            Intake intake = given;
            if (!photos.isEmpty()) {
                List<String> refs = new ArrayList<>(intake.photos());
                for (IntakePhoto p : photos) {
                    stored.add(artifacts.store(id, p.name(), p.bytes()));
                    refs.add("jobs/" + id + "/" + p.name());
                }
                intake = intake.withPhotos(refs);
            }
            Job job = Job.open(id, intake, clock);
            // personal data stays out of the append-only log: only kinds and versions go into event details
            return svc.save(job, svc.event(job, "state.INTAKE", "job opened by staff " + intake.staffId()),
                    svc.event(job, "intake.recorded", "ownership " + intake.ownershipKind() + ", consent "
                            + intake.consentVersion() + ", photos " + intake.photos().size()));
        } catch (RuntimeException e) {
            // no job, no files: a photo of someone's ownership proof must not outlive a failed intake
            for (Artifacts.Stored s : stored) {
                try {
                    artifacts.discard(s);
                } catch (RuntimeException ignored) {
                    e.addSuppressed(ignored);
                }
            }
            throw e;
        }
    }
}
