package org.resetdesk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code resetdesk job ...}: the reset job, headless. Same use cases as the kiosk. */
@Command(name = "job", description = "open, run and inspect reset jobs",
        subcommands = {JobOpenCommand.class, JobConnectCommand.class, JobExportCommand.class,
                JobImportCommand.class, JobAbandonCommand.class, JobQueryCommands.Status.class,
                JobQueryCommands.ListJobs.class, JobQueryCommands.Events.class, JobWatchCommand.class,
                JobCloseCommand.class, AftercareCommand.class,
                JobActivateCommand.class, JobResetDirectCommand.class})
public final class JobCommand {
    @ParentCommand
    RootCommand root;

    CliContext context() {
        return CliSupport.context(root);
    }

    static JobService service(CliContext ctx, String iface) {
        return new JobService(ctx.jobs(), new LazyLink(ctx, iface), ctx.artifacts(), ctx.clock(), Runnable::run);
    }

    /** The contract's status keys (and a few more). */
    static Map<String, Object> status(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("state", j.state().name());
        m.put("method", j.method() == null ? null : j.method().name());
        m.put("serial", j.device() != null ? j.device().serial() : j.intake().labelSerial());
        m.put("exportedAt", j.attempt() == null ? null : str(j.attempt().exportedAt()));
        m.put("deadline", j.attempt() == null ? null : str(j.attempt().deadline()));
        m.put("voidReason", j.attempt() == null ? null : j.attempt().voidReason());
        m.put("attempts", j.attemptCount());
        m.put("lastObservation", j.lastObservation() == null ? null
                : j.lastObservation().kind() + " at " + j.lastObservation().at());
        m.put("guard", j.guard() == null ? null : j.guard().name());
        m.put("retriesLeft", j.lockout() == null ? null : j.lockout().retriesLeft());
        m.put("lockedUntil", j.lockout() == null ? null : str(j.lockout().lockedUntil()));
        m.put("abandonReason", j.abandonReason());
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
