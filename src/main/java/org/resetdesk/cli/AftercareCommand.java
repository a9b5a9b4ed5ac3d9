package org.resetdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareGuid;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.RecorderApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code job aftercare ID --password-stdin [--enable-overwrite] [--unbind-hik-connect] [--reserved-email ADDRESS]
 * [--export-guid FILE]}: runs the {@link Aftercare} use case and prints one JSON line. With {@code --export-guid},
 * once the password is verified, a fresh GUID file ({@link AftercareGuid}, over SADP) is written to FILE (a new file
 * only, owner-only permissions); the JSON names the file and its SHA-256, never its content. The job store and the recorder connection come from
 * {@link Wiring}, which {@code Main} provides (constructor, or {@link #wiring} for a picocli-built instance). Exit 0
 * when the new password was verified; 1 (message on stderr) when refused or not verified.
 */
@Command(name = "aftercare", description = "Post-reset checks and fixes over ISAPI: verify the new password, "
        + "cross-check identity and clock, disks and overwrite, Hik-Connect binding.")
public final class AftercareCommand implements Callable<Integer> {

    /** What the command needs from the rest of the application. */
    public interface Wiring {
        Optional<Job> job(String id);

        /** The job's events so far (the pinned certificate of an earlier contact is among them). */
        List<JobEvent> events(String jobId);

        /** A connected API for the job's recorder (e.g. {@code IsapiConnector.open}); closed after the run. */
        RecorderApi open(Job job, Optional<String> pinnedCertificate) throws Exception;

        /** Stores the run's events with the job (and may move the job to AFTERCARE). */
        void save(Job job, List<JobEvent> events);

        Clock clock();

        /** Exports the GUID for {@code --export-guid} (the use case wipes the array); null when not wired. */
        default GuidExporter guidExporter() {
            return null;
        }
    }

    /** {@link AftercareGuid#exportGuid} for one job, blocking; a refusal is a {@link CommandFailed}. */
    public interface GuidExporter {
        AftercareGuid.Result export(Job job, char[] password);
    }

    /** Set by Main for instances that picocli creates itself (takes precedence over {@link #opener}). */
    public static volatile Wiring wiring;

    /** How {@code job aftercare} reaches the recorder; installed by Main (the cli package does not know ISAPI). */
    public interface RecorderOpener {
        RecorderApi open(CliContext ctx, Job job, Optional<String> pinnedCertificate) throws Exception;
    }

    /**
     * Installed by Main, e.g. {@code (ctx, job, pin) -> new IsapiConnector(portCidr, alias, IsapiEndpoint::standard,
     * ctx.clock()).open(job, pin)}. With it, the command under {@code job} takes jobs, events and the clock from the
     * {@link CliContext}, and moves a verified job to AFTERCARE.
     */
    public static volatile RecorderOpener opener;

    @picocli.CommandLine.ParentCommand
    JobCommand parent;

    private final Wiring injected;
    InputStream stdin = System.in;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "job id")
    String id;

    @Option(names = "--password-stdin", required = true, description = "read the new admin password from stdin")
    boolean passwordStdin;

    @Option(names = "--enable-overwrite", description = "the customer agreed: turn on overwrite when it is off")
    boolean enableOverwrite;

    @Option(names = "--unbind-hik-connect", description = "the customer agreed: unbind the old Hik-Connect account")
    boolean unbind;

    @Option(names = "--reserved-email", paramLabel = "ADDRESS", description = "set the reserved e-mail for resets")
    String reservedEmail;

    @Option(names = "--export-guid", paramLabel = "FILE", description = "after verifying, export a fresh GUID file to"
            + " FILE for the customer (a new file; never overwritten)")
    Path guidFile;

    @Option(names = "--interface", description = "SADP interface for --export-guid (default: the dedicated port)")
    String iface;

    public AftercareCommand() {
        this(null);
    }

    public AftercareCommand(Wiring wiring) {
        this.injected = wiring;
    }

    /** Where the password is read from (stdin unless a test or an embedding caller says otherwise). */
    public AftercareCommand withInput(InputStream in) {
        this.stdin = in;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        Wiring w = injected != null ? injected : wiring;
        if (w != null) {
            return run(w);
        }
        RecorderOpener o = opener;
        if (parent == null || o == null) {
            throw new CommandFailed("aftercare is not available in this build (no recorder connection wired)");
        }
        try (CliContext ctx = parent.context()) {
            return run(new ContextWiring(ctx, o, iface));
        }
    }

    private Integer run(Wiring w) throws Exception {
        Job job = w.job(id).orElseThrow(() -> new CommandFailed("no job " + id));
        GuidExporter guid = guidFile == null ? null : w.guidExporter();
        if (guidFile != null) {
            if (guid == null) {
                throw new CommandFailed("--export-guid is not available in this build (no SADP link wired)");
            }
            if (Files.exists(guidFile, LinkOption.NOFOLLOW_LINKS)) {
                throw new CommandFailed("refusing to overwrite " + guidFile + " (choose a new file name)");
            }
            Path parent = guidFile.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new CommandFailed("the folder for " + guidFile + " does not exist");
            }
        }
        char[] password = CliSupport.readLine(stdin);
        try {
            if (password.length == 0) {
                throw new CommandFailed("no password on stdin");
            }
            Aftercare.Run run;
            try (RecorderApi api = w.open(job, Aftercare.pinnedCertificate(w.events(job.id())))) {
                run = new Aftercare(w.clock()).run(job, api, password,
                        new Aftercare.Options(enableOverwrite, unbind, reservedEmail));
            }
            w.save(job, run.events());
            if (run.refusal() != null) {
                throw new CommandFailed(run.refusal().text());
            }
            if (!run.report().verified() || guid == null) {
                spec.commandLine().getOut().println(json(run.report()));
                spec.commandLine().getOut().flush();
            }
            if (!run.report().verified()) {
                throw new CommandFailed("the password was not verified: " + run.report().verifyOutcome());
            }
            return guid == null ? 0 : exportGuid(guid, w.job(id).orElse(job), password, run.report());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The GUID export after a verified run: one JSON line with the aftercare keys and the guid* keys. */
    private int exportGuid(GuidExporter exporter, Job job, char[] password, AftercareReport report)
            throws JsonProcessingException {
        AftercareGuid.Result r = exporter.export(job, password.clone());
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("guidResult", r.outcome().kind().name());
        g.put("guidRetriesLeft", r.outcome().retriesLeft());
        g.put("guidLockedMinutes", r.outcome().lockedMinutes());
        String failure = null;
        if (r.exported()) {
            try {
                GuidFiles.writeNew(guidFile, r.guidFile());
                g.put("guidFile", guidFile.toAbsolutePath().toString());
                g.put("guidSha256", r.sha256());
                g.put("guidBytes", r.guidFile().length);
            } catch (java.io.IOException e) {
                failure = "the GUID file could not be written to " + guidFile + ": " + e.getMessage()
                        + " (export it again to a new file)";
            } finally {
                r.wipe();
            }
        } else {
            failure = "the recorder did not export a GUID file: " + r.outcome().kind()
                    + (r.outcome().retriesLeft() == null ? "" : ", retries left " + r.outcome().retriesLeft())
                    + (r.outcome().lockedMinutes() == null ? "" : ", locked " + r.outcome().lockedMinutes() + " min");
        }
        if (failure != null) {
            g.put("guidFile", null);
            g.put("guidError", failure);
        }
        spec.commandLine().getOut().println(json(report, g));
        spec.commandLine().getOut().flush();
        if (failure != null) {
            throw new CommandFailed(failure);
        }
        return 0;
    }

    /** Jobs, events and clock from the CLI context; a verified job moves to AFTERCARE (JobService.startAftercare). */
    private static final class ContextWiring implements Wiring {
        private final CliContext ctx;
        private final RecorderOpener opener;

        private final String iface;

        ContextWiring(CliContext ctx, RecorderOpener opener, String iface) {
            this.ctx = ctx;
            this.opener = opener;
            this.iface = iface;
        }

        @Override
        public GuidExporter guidExporter() {
            return (job, pw) -> CliSupport.await(new AftercareGuid(JobCommand.service(ctx, iface), Runnable::run)
                    .exportGuid(job.id(), pw));
        }

        @Override public Optional<Job> job(String id) { return ctx.jobs().find(id); }
        @Override public List<JobEvent> events(String jobId) { return ctx.jobs().events(jobId); }
        @Override public Clock clock() { return ctx.clock(); }

        @Override
        public RecorderApi open(Job job, Optional<String> pinnedCertificate) throws Exception {
            return opener.open(ctx, job, pinnedCertificate);
        }

        @Override
        public void save(Job job, List<JobEvent> events) {
            Job current = ctx.jobs().find(job.id()).orElse(job);
            boolean verified = events.stream().anyMatch(e -> e.type().equals("aftercare.verify")
                    && e.detail().startsWith("the new password is accepted"));
            if (verified && current.state() == org.resetdesk.job.JobState.PASSWORD_SET) {
                current = CliSupport.await(JobCommand.service(ctx, null).startAftercare(job.id()));
            }
            ctx.jobs().save(current, events);
        }
    }

    static String json(AftercareReport r) throws JsonProcessingException {
        return json(r, Map.of());
    }

    static String json(AftercareReport r, Map<String, Object> extra) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.jobId());
        m.put("verified", r.verified());
        m.put("verifyOutcome", r.verifyOutcome());
        m.put("retriesLeft", r.retriesLeft());
        m.put("unlockSeconds", r.unlockSeconds());
        m.put("mayRetry", r.mayRetry());
        m.put("scheme", r.scheme());
        m.put("certificateSha256", r.certificateSha256());
        m.put("serial", r.serial());
        m.put("model", r.model());
        m.put("firmware", r.firmware());
        m.put("serialMatchesSadp", r.serialMatchesSadp());
        m.put("serialMatchesLabel", r.serialMatchesLabel());
        m.put("modelMatchesSadp", r.modelMatchesSadp());
        m.put("firmwareMatchesSadp", r.firmwareMatchesSadp());
        m.put("mismatches", r.mismatches());
        m.put("deviceClock", r.deviceClock());
        m.put("kioskClock", r.kioskClock() == null ? null : r.kioskClock().toString());
        m.put("clockSkewSeconds", r.clockSkewSeconds());
        m.put("disks", r.disks().stream().map(d -> {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("id", d.id());
            k.put("name", d.name());
            k.put("status", d.status());
            k.put("capacityMiB", d.capacityMiB());
            k.put("freeMiB", d.freeMiB());
            return k;
        }).toList());
        m.put("overwriteBefore", r.overwriteBefore());
        m.put("overwriteAfter", r.overwriteAfter());
        m.put("hikConnectBefore", r.cloudBefore() == null ? null : r.cloudBefore().name());
        m.put("hikConnectAfter", r.cloudAfter() == null ? null : r.cloudAfter().name());
        m.put("reservedEmailSet", r.reservedEmailSet());
        m.put("rebootRequired", r.rebootRequired());
        m.put("advice", r.advice());
        m.putAll(extra);
        return new ObjectMapper().writeValueAsString(m);
    }
}
