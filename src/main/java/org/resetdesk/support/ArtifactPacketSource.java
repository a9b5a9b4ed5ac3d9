package org.resetdesk.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;

/**
 * A {@link PacketSource} over the job log and the artifact store: the request is the file named by the job's latest
 * {@code export.written} event ({@code NAME sha256=... bytes=...}), read through {@link Artifacts} and checked
 * against the attempt's SHA-256, so a damaged or swapped file is never sent; the label photo is the intake photo
 * whose name says "label" (else the first one).
 */
public final class ArtifactPacketSource implements PacketSource {
    private final JobRepository jobs;
    private final Artifacts artifacts;
    private final BiFunction<String, String, Path> locate;
    private final Function<String, Path> photoPath;
    private final Function<Job, Optional<RequestForm.Purchase>> purchase;
    private final Function<Job, Optional<String>> deviceDate;

    /**
     * @param locate job id and stored file name → path (as the artifact store lays files out)
     * @param photoPath an intake photo reference → path in the data directory
     * @param purchase and {@code deviceDate}: what staff entered (Export screen), empty when not known
     */
    public ArtifactPacketSource(JobRepository jobs, Artifacts artifacts, BiFunction<String, String, Path> locate,
                                Function<String, Path> photoPath,
                                Function<Job, Optional<RequestForm.Purchase>> purchase,
                                Function<Job, Optional<String>> deviceDate) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.locate = locate;
        this.photoPath = photoPath;
        this.purchase = purchase;
        this.deviceDate = deviceDate;
    }

    @Override
    public byte[] request(Job job) {
        List<JobEvent> exports = jobs.events(job.id()).stream().filter(e -> e.type().equals("export.written"))
                .toList();
        if (exports.isEmpty() || job.attempt() == null) {
            throw new SendCommandCore.SendRefused("job " + job.id() + " has no exported request file");
        }
        String detail = exports.get(exports.size() - 1).detail();
        int cut = detail.indexOf(" sha256=");
        String name = cut < 0 ? detail.trim() : detail.substring(0, cut);
        byte[] bytes = artifacts.read(locate.apply(job.id(), name));
        String sha = ReplyIntake.sha256(bytes);
        if (job.attempt().requestSha256() != null && !sha.equalsIgnoreCase(job.attempt().requestSha256())) {
            throw new SendCommandCore.SendRefused("the stored request " + name + " of job " + job.id()
                    + " does not match the exported one (SHA-256 differs); export a new request");
        }
        return bytes;
    }

    @Override
    public Optional<SupportPacketBuilder.Photo> labelPhoto(Job job) {
        List<String> photos = job.intake() == null ? List.of() : job.intake().photos();
        Optional<String> ref = photos.stream().filter(p -> p.toLowerCase(Locale.ROOT).contains("label")).findFirst()
                .or(() -> photos.stream().findFirst());
        return ref.map(r -> {
            Path p = photoPath.apply(r);
            return new SupportPacketBuilder.Photo(p.getFileName().toString(), artifacts.read(p));
        });
    }

    @Override
    public Optional<RequestForm.Purchase> purchase(Job job) {
        return purchase.apply(job);
    }

    @Override
    public Optional<String> deviceDate(Job job) {
        return deviceDate.apply(job);
    }
}
