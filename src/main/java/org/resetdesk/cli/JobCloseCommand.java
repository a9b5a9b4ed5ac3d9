package org.resetdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "close", description = "hand the recorder back: close a job whose password is set")
final class JobCloseCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;

    @Override
    public Integer call() {
        try (CliContext ctx = parent.context()) {
            var job = CliSupport.await(JobCommand.service(ctx, null).close(id));
            CliSupport.json(spec.commandLine().getOut(), JobCommand.status(job));
            return 0;
        }
    }
}
