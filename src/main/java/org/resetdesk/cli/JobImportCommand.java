package org.resetdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.job.JobService;
import org.resetdesk.job.RecorderLink;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "send support's reply with the new password (once; never retried)")
final class JobImportCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Reply reply;
    @Option(names = "--new-password-stdin", required = true, description = "read the new password from stdin")
    boolean passwordStdin;
    @Option(names = "--sync-cameras", description = "also reset the connected cameras' passwords (NVR)")
    boolean sync;
    @Option(names = "--interface")
    String iface;

    static final class Reply {
        @Option(names = "--reply", required = true)
        Path file;
        @Option(names = "--key", required = true)
        String key;
    }

    @Override
    public Integer call() throws IOException {
        RecorderLink.ResetReply r;
        if (reply.file != null) {
            if (Files.size(reply.file) > 64 * 1024) {
                throw new CommandFailed("the reply file " + reply.file + " is too large to be a support reply");
            }
            r = RecorderLink.ResetReply.file(Files.readAllBytes(reply.file));
        } else {
            r = RecorderLink.ResetReply.key(reply.key.trim());
        }
        char[] pw = CliSupport.readSecretLine(System.in);
        try (CliContext ctx = parent.context()) {
            JobService svc = JobCommand.service(ctx, iface);
            JobService.ResetAttempt a = CliSupport.await(svc.importReply(id, r, pw, sync));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("result", a.outcome().kind().name());
            o.put("retriesLeft", a.outcome().retriesLeft());
            o.put("lockedMinutes", a.outcome().lockedMinutes());
            o.put("state", a.job().state().name());
            CliSupport.json(spec.commandLine().getOut(), o);
            if (!a.outcome().isSuccess()) { // exit 1 says why on stderr, one line (CLI contract)
                spec.commandLine().getErr().println("job import: the recorder answered "
                        + a.outcome().kind().name() + " (" + a.job().state().name() + "); nothing is retried");
                spec.commandLine().getErr().flush();
            }
            return a.outcome().isSuccess() ? 0 : 1;
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }
}
