package org.resetdesk;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.JobRepository;
import org.resetdesk.job.JobService;
import org.resetdesk.support.ReceiptCommandCore;
import org.resetdesk.support.Receipts;
import org.resetdesk.support.RequestForm;
import org.resetdesk.support.SendCommandCore;
import org.resetdesk.support.SupportModule;
import org.resetdesk.support.SupportSettings;
import org.resetdesk.ui.PaperworkService;

/**
 * The kiosk's hand-off and receipts over the support module: the same use cases as {@code job send} and
 * {@code job receipt}. The folder hand-off (the configured hand-off folder) is always there, e-mail when SMTP and
 * {@code support.email} are set; a successful hand-off marks the job sent. Receipts go to {@code printer.name}, or
 * without a printer to {@code <data>/receipts/<job>-<kind>.pdf}. The hand-back receipt is built from the job's
 * aftercare events ({@link SupportWiring#handBack}), which never hold a password.
 */
final class KioskPaperwork implements PaperworkService {
    private final SupportModule module;
    private final SupportSettings settings;
    private final JobRepository repo;
    private final JobService jobs;
    private final Path folder;
    private final Path receipts;
    private final KioskConfig config;
    private final Artifacts artifacts;
    private final Executor io;

    KioskPaperwork(KioskConfig config, SupportModule module, JobRepository repo, JobService jobs, Artifacts artifacts,
                   Path handoffFolder, Executor io) {
        this.config = config;
        this.module = module;
        this.settings = SupportWiring.settings(config);
        this.repo = repo;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.folder = handoffFolder;
        this.receipts = config.dataDir().resolve("receipts");
        this.io = io;
    }

    @Override
    public boolean emailAvailable() {
        return settings.smtp() != null && settings.supportEmail() != null;
    }

    @Override
    public CompletableFuture<Sent> send(String jobId, boolean email, Details details) {
        return CompletableFuture.supplyAsync(() -> {
            if (email && !emailAvailable()) {
                throw new SendCommandCore.SendRefused("no mail server or support address is configured");
            }
            SendCommandCore core = module.sendCore(SupportWiring.packets(config, repo, artifacts),
                    (id, r) -> jobs.markSent(id, r.channel() + " " + r.messageId()).join());
            RequestForm.Purchase purchase = details == null ? null
                    : new RequestForm.Purchase(blankToNull(details.whereBought()), blankToNull(details.channel()));
            SendCommandCore.Sent s = core.send(jobId, null, email ? null : folder, purchase,
                    details == null ? null : blankToNull(details.deviceDate()));
            HandOff.Receipt r = s.receipt();
            return new Sent(r.channel(), r.messageId(), r.where(), s.deliveredNow());
        }, io);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public CompletableFuture<Printed> receipt(String jobId, Receipt kind) {
        return CompletableFuture.supplyAsync(() -> {
            ReceiptCommandCore core = module.receiptCore(j -> SupportWiring.handBack(repo, j));
            Receipts.Kind k = kind == Receipt.INTAKE ? Receipts.Kind.INTAKE : Receipts.Kind.HANDBACK;
            if (settings.printerName() != null && !settings.printerName().isBlank()) {
                core.print(jobId, k, null);
                return new Printed(settings.printerName(), null);
            }
            Path out = receipts.resolve(jobId + "-" + (k == Receipts.Kind.INTAKE ? "intake" : "handback") + ".pdf");
            return new Printed(null, core.write(jobId, k, null, out));
        }, io);
    }
}
