package org.resetdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code resetdesk [GLOBAL OPTIONS] [COMMAND]}. Without a command it starts the kiosk. Subcommands reach the global
 * options through {@code @ParentCommand} (or {@link CliSupport#root}).
 */
@Command(name = "resetdesk", mixinStandardHelpOptions = false, versionProvider = VersionProvider.class,
        description = "ResetDesk: the counter station for vendor-official recorder password resets.")
public final class RootCommand implements Callable<Integer> {

    @Option(names = "--config", description = "kiosk configuration file (default kiosk-config/kiosk.properties)")
    public Path config;

    @Option(names = "--db", description = "H2 database base path")
    public Path db;

    @Option(names = "--data-dir", description = "request/reply files, photos, transcripts")
    public Path dataDir;

    @Option(names = "--training", description = "force training mode (virtual recorder, throwaway storage)")
    public boolean training;

    @Option(names = "--version", versionHelp = true, description = "print the version")
    public boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    public boolean help;

    /** Set by Main: what runs when no subcommand is given (the kiosk). */
    public static volatile Callable<Integer> kioskStarter = () -> {
        System.err.println("the kiosk UI is not available in this build");
        return 1;
    };

    @Override
    public Integer call() throws Exception {
        return kioskStarter.call();
    }
}
