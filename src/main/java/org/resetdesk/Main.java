package org.resetdesk;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Function;
import org.resetdesk.isapi.AddressAlias;
import org.resetdesk.isapi.IsapiEndpoint;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.sadp.SadpClient;
import java.util.Optional;
import org.resetdesk.cli.AftercareCommand;
import org.resetdesk.cli.CliContext;
import org.resetdesk.cli.CliSupport;
import org.resetdesk.cli.Commands;
import org.resetdesk.cli.OpenJobCheck;
import org.resetdesk.cli.RecorderCommand;
import org.resetdesk.cli.RootCommand;
import org.resetdesk.isapi.IsapiConnector;
import org.resetdesk.job.Job;
import org.resetdesk.job.Macs;
import org.resetdesk.job.SerialNumbers;
import org.resetdesk.recorder.ConsoleAddOn;
import org.resetdesk.recorder.isapi.IsapiAddOn;

/**
 * Composition root: the only class that knows every part. It wires the headless commands to the store, the SADP
 * client and the ISAPI connector, gives the virtual recorder its console and ISAPI add-ons, and starts the kiosk
 * when no command is given. The kiosk starter blocks until the kiosk is left, so every path ends with an exit code.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        wire();
        System.exit(Commands.run(args));
    }

    static void wire() {
        org.resetdesk.config.KioskConfig.registerKeys(org.resetdesk.support.SupportSettings.EXTRA_KEYS);
        CliSupport.contextFactory = HeadlessContext::from;
        Commands.extensions = SupportWiring::addCommands;
        OpenJobCheck.install(Main::openJobFor);
        AftercareCommand.opener = (ctx, job, pin) -> isapiFor(ctx).open(job, pin);
        if (RecorderCommand.ADD_ONS.isEmpty()) {
            RecorderCommand.ADD_ONS.add(new ConsoleAddOn(1.0));
            RecorderCommand.ADD_ONS.add(new IsapiAddOn(anyLocal()));
        }
        RootCommand.kioskStarter = KioskStarter::start;
    }

    /**
     * The ISAPI connector on the dedicated port, with the recorder's HTTP ports as it announces them over SADP (an
     * inquiry: read-only), falling back to 80/443.
     */
    static IsapiConnector isapiFor(CliContext ctx) {
        String iface = ctx.config().sadpInterface();
        RecorderLink link = ctx.link(iface);
        Function<String, IsapiEndpoint> endpoint = ip -> {
            if (link instanceof SadpClient sadp) {
                for (var found : sadp.discover(Duration.ofSeconds(2), d -> { })) {
                    if (ip.equals(found.ipv4())) {
                        return sadp.find(found.mac(), Duration.ofSeconds(2))
                                .map(pm -> new IsapiEndpoint(ip, pm.httpPort() == null ? 80 : pm.httpPort(),
                                        pm.httpsPort(), Duration.ofSeconds(5)))
                                .orElse(IsapiEndpoint.standard(ip));
                    }
                }
            }
            return IsapiEndpoint.standard(ip);
        };
        return new IsapiConnector(IsapiConnector.portCidr(iface), AddressAlias.standard(iface), endpoint,
                ctx.clock());
    }

    private static InetAddress anyLocal() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Low-level sadp export/reset are refused for a recorder with an open job in the configured store. */
    private static Optional<String> openJobFor(String mac, String serial) {
        RootCommand root = CliSupport.root;
        if (root == null || root.db == null && root.config == null
                && !java.nio.file.Files.isRegularFile(org.resetdesk.config.KioskConfig.DEFAULT_FILE)
                && System.getenv("RESETDESK_DB_PATH") == null) { // no job store anywhere: nothing to protect
            return Optional.empty();
        }
        try (CliContext ctx = HeadlessContext.from(root)) {
            String m = Macs.normalise(mac);
            for (Job j : ctx.jobs().openJobs()) {
                if (j.device() == null) {
                    continue;
                }
                if (j.device().mac() != null && Macs.normalise(j.device().mac()).equals(m)
                        || serial != null && SerialNumbers.normalise(serial)
                                .equals(SerialNumbers.normalise(j.device().serial()))) {
                    return Optional.of(j.id());
                }
            }
            return Optional.empty();
        }
    }
}
