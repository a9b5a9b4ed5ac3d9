package org.resetdesk;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resetdesk.cli.CliContext;
import org.resetdesk.cli.CliSupport;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;
import org.resetdesk.job.JobService;
import org.resetdesk.support.ArtifactPacketSource;
import org.resetdesk.support.EventSink;
import org.resetdesk.support.FormDetails;
import org.resetdesk.support.HandBackResults;
import org.resetdesk.support.JobReceiptCommand;
import org.resetdesk.support.JobSendCommand;
import org.resetdesk.support.ReportCommands;
import org.resetdesk.support.SupportModule;
import org.resetdesk.support.SupportSettings;
import picocli.CommandLine;

/** Hand-off and paperwork wired to the job engine: the support module, and {@code job send} / {@code job receipt}. */
final class SupportWiring {
    private SupportWiring() {}

    /**
     * What a training station fills in when its configuration leaves the request form's contact empty: a trainee can
     * then send a complete packet (to the training desk) without a configuration file. Never used on a live station.
     */
    static final Map<String, String> TRAINING_FORM = Map.of(
            "support.requester.name", "Trainee",
            "support.requester.email", "trainee@training.invalid",
            "support.requester.phone", "+00 0000 000000",
            "shop.country", "Training country");

    /** The support settings of this configuration (training: with the training contact where none is set). */
    static SupportSettings settings(KioskConfig config) {
        Map<String, String> values = new LinkedHashMap<>(config.values());
        if (config.training()) {
            TRAINING_FORM.forEach((k, v) -> {
                if (values.getOrDefault(k, "").isBlank()) {
                    values.put(k, v);
                }
            });
        }
        return SupportSettings.fromValues(values);
    }

    static SupportModule module(KioskConfig config, JobRepository repo, JobService jobs,
                                org.resetdesk.job.Artifacts artifacts) {
        return new SupportModule(settings(config), config.dataDir(), repo, artifacts,
                EventSink.through(jobs), jobs.clock(), ZoneId.systemDefault(), accepted -> { });
    }

    static ArtifactPacketSource packets(KioskConfig config, JobRepository repo, org.resetdesk.job.Artifacts a) {
        Path data = config.dataDir();
        return new ArtifactPacketSource(repo, a, (id, name) -> data.resolve("jobs").resolve(id).resolve(name),
                data::resolve,
                job -> FormDetails.latest(repo.events(job.id())).map(FormDetails.Details::purchase),
                job -> FormDetails.latest(repo.events(job.id())).map(FormDetails.Details::deviceDate));
    }

    /** What the hand-back receipt says, from the job's aftercare events (never a password: none is logged). */
    static HandBackResults handBack(JobRepository repo, Job job) {
        List<String> done = new ArrayList<>();
        List<String> disks = new ArrayList<>();
        List<String> cloud = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        for (JobEvent e : repo.events(job.id())) {
            switch (e.type()) {
                case "reset.success", "activate.success", "aftercare.verify", "aftercare.overwrite",
                     "aftercare.email" -> done.add(e.detail());
                case "aftercare.disks" -> disks.add(e.detail());
                case "aftercare.cloud" -> cloud.add(e.detail());
                case "aftercare.rebootRequired", "aftercare.clock" -> advice.add(e.detail());
                default -> { }
            }
        }
        advice.addAll(HandBackResults.STANDARD_ADVICE);
        return new HandBackResults(done, disks, cloud, advice);
    }

    /**
     * Registers {@code job send}, {@code job receipt} and the {@code report} group; their parts are built only when
     * they run.
     */
    static void addCommands(CommandLine cl) {
        if (!cl.getSubcommands().containsKey("report")) {
            cl.addSubcommand("report", ReportCommands.group(() -> {
                CliContext ctx = CliSupport.context(CliSupport.root);
                JobService svc = new JobService(ctx.jobs(), new org.resetdesk.cli.LazyLink(ctx, null),
                        ctx.artifacts(), ctx.clock(), Runnable::run);
                return module(ctx.config(), ctx.jobs(), svc, ctx.artifacts()).reportCore().closing(ctx);
            }));
        }
        CommandLine job = cl.getSubcommands().get("job");
        if (job == null) {
            return;
        }
        job.addSubcommand("send", new JobSendCommand(() -> {
            CliContext ctx = CliSupport.context(CliSupport.root);
            JobService svc = new JobService(ctx.jobs(), new org.resetdesk.cli.LazyLink(ctx, null), ctx.artifacts(), ctx.clock(), Runnable::run);
            SupportModule m = module(ctx.config(), ctx.jobs(), svc, ctx.artifacts()).start();
            return m.sendCore(packets(ctx.config(), ctx.jobs(), ctx.artifacts()),
                    (id, receipt) -> svc.markSent(id, receipt.channel() + " " + receipt.messageId()).join());
        }));
        job.addSubcommand("receipt", new JobReceiptCommand(() -> {
            CliContext ctx = CliSupport.context(CliSupport.root);
            JobService svc = new JobService(ctx.jobs(), new org.resetdesk.cli.LazyLink(ctx, null), ctx.artifacts(), ctx.clock(), Runnable::run);
            return module(ctx.config(), ctx.jobs(), svc, ctx.artifacts())
                    .receiptCore(j -> handBack(ctx.jobs(), j));
        }));
    }
}
