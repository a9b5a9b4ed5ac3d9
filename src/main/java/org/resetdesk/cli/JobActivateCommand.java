package org.resetdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "activate", description = "activate an inactive recorder with the customer's first password")
final class JobActivateCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;
    @Option(names = "--password-stdin", required = true)
    boolean stdin;
    @Option(names = "--interface")
    String iface;

    @Override
    public Integer call() {
        char[] pw = CliSupport.readSecretLine(System.in);
        try (CliContext ctx = parent.context()) {
            var job = CliSupport.await(JobCommand.service(ctx, iface).activate(id, pw));
            CliSupport.json(spec.commandLine().getOut(), JobCommand.status(job));
            return 0;
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }
}
