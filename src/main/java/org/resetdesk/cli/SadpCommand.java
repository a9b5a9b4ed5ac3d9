package org.resetdesk.cli;

import java.io.IOException;
import java.time.Duration;
import org.resetdesk.job.Macs;
import org.resetdesk.sadp.ProbeMatch;
import org.resetdesk.sadp.SadpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sadp export|reset}: the low-level reset steps for support engineers. Refused for a device with an open job
 * ({@link OpenJobCheck}), whose export and import go through the job commands and their guards.
 */
@Command(name = "sadp", description = "Low-level SADP reset steps (refused for a device with an open job).",
        subcommands = {SadpExportCommand.class, SadpResetCommand.class})
public final class SadpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: export or reset");
    }

    /** Options both subcommands share. */
    static final class Target {
        @Option(names = "--interface", required = true, paramLabel = "IF", description = "the dedicated interface")
        String iface;

        @Option(names = "--mac", required = true, paramLabel = "MAC", description = "the device's MAC address")
        String mac;

        @Option(names = "--port", defaultValue = "37020", hidden = true, description = "SADP port (tests)")
        int port;

        @Option(names = "--timeout-ms", defaultValue = "10000", hidden = true, description = "command timeout")
        long timeoutMs;

        String normalisedMac(CommandSpec spec) {
            try {
                return Macs.normalise(mac);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        SadpClient open() {
            try {
                return new SadpClient(iface, port, Duration.ofMillis(timeoutMs));
            } catch (IOException e) {
                throw new CommandFailed(e.getMessage());
            }
        }

        /** Finds the device (checking the open-job hook by MAC first, then by serial). */
        ProbeMatch locate(SadpClient client, String normalisedMac) {
            OpenJobCheck.refuseIfOpen(normalisedMac, null);
            ProbeMatch pm = client.find(normalisedMac, Duration.ofMillis(Math.min(timeoutMs, 3000)))
                    .orElseThrow(() -> new CommandFailed("no device with MAC " + normalisedMac + " answered on "
                            + iface));
            OpenJobCheck.refuseIfOpen(normalisedMac, pm.serial());
            return pm;
        }
    }
}
