package org.resetdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "abandon", description = "end a job without a reset, with a reason")
final class JobAbandonCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;
    @Option(names = "--reason", required = true)
    String reason;

    @Override
    public Integer call() {
        try (CliContext ctx = parent.context()) {
            var job = CliSupport.await(JobCommand.service(ctx, null).abandon(id, reason));
            CliSupport.json(spec.commandLine().getOut(), JobCommand.status(job));
            return 0;
        }
    }
}
