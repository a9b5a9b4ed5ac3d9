package org.resetdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.resetdesk.job.Aftercare;
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
 * {@code job aftercare ID --password-stdin [--enable-overwrite] [--unbind-hik-connect] [--reserved-email ADDRESS]}:
 * runs the {@link Aftercare} use case and prints one JSON line. The job store and the recorder connection come from
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
            return run(new ContextWiring(ctx, o));
        }
    }

    private Integer run(Wiring w) throws Exception {
        Job job = w.job(id).orElseThrow(() -> new CommandFailed("no job " + id));
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
            spec.commandLine().getOut().println(json(run.report()));
            spec.commandLine().getOut().flush();
            if (!run.report().verified()) {
                throw new CommandFailed("the password was not verified: " + run.report().verifyOutcome());
            }
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Jobs, events and clock from the CLI context; a verified job moves to AFTERCARE (JobService.startAftercare). */
    private static final class ContextWiring implements Wiring {
        private final CliContext ctx;
        private final RecorderOpener opener;

        ContextWiring(CliContext ctx, RecorderOpener opener) {
            this.ctx = ctx;
            this.opener = opener;
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
        return new ObjectMapper().writeValueAsString(m);
    }
}
