package org.resetdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line: the root and every subcommand. Each area adds its commands here, one line each. */
public final class Commands {
    /** Installed by Main: adds commands whose parts live outside cli (job send, job receipt). */
    public static volatile java.util.function.Consumer<CommandLine> extensions = cl -> { };

    private Commands() {}

    public static CommandLine build() {
        RootCommand root = new RootCommand();
        CliSupport.root = root;
        CommandLine cl = new CommandLine(root);
        // --- subcommands (one line per top-level command) ---
        cl.addSubcommand(new JobCommand());
        cl.addSubcommand(new RecorderCommand());
        cl.addSubcommand(new RecorderCtlCommand());
        cl.addSubcommand(new SupportDeskCommand());
        cl.addSubcommand(new ConsoleDecodeCommand());
        cl.addSubcommand(new ConsoleCommand());
        cl.addSubcommand(new DecodeCommand());
        cl.addSubcommand(new DiscoverCommand());
        cl.addSubcommand(new SadpCommand());
        cl.addSubcommand(new StaffCommand());
        cl.addSubcommand(new AuditCommand());
        cl.addSubcommand(new DbCommand());
        // --- end of subcommands ---
        extensions.accept(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof CommandFailed) {
                err.println(ex.getMessage());
            } else {
                err.println(ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    public static int run(String... args) {
        return build().execute(args);
    }
}
