package org.resetdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code resetdesk console ...}: the recorder's serial console. */
@Command(name = "console", description = "The recorder's serial console (listen-only).",
        subcommands = ConsoleWatchCommand.class)
public final class ConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
