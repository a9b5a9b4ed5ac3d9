package org.resetdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.sadp.ProbeMatch;
import org.resetdesk.sadp.SadpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code discover --interface IF [--timeout-ms N] [--json]}: probe on that interface only, print devices as found. */
@Command(name = "discover", description = "Find recorders on one network interface (SADP); each printed as it answers.")
public final class DiscoverCommand implements Callable<Integer> {
    @Option(names = "--interface", required = true, paramLabel = "IF", description = "the dedicated network interface")
    String iface;

    @Option(names = "--timeout-ms", defaultValue = "3000", paramLabel = "N", description = "listen this long (ms)")
    long timeoutMs;

    @Option(names = "--json", description = "JSON Lines (keys as decode, plus elapsedMs)")
    boolean json;

    @Option(names = "--port", defaultValue = "37020", hidden = true, description = "SADP port (tests)")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (timeoutMs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout-ms must be >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<SadpClient.Found> found;
        try (SadpClient client = new SadpClient(iface, port, SadpClient.DEFAULT_COMMAND_TIMEOUT)) {
            found = client.discoverEach(Duration.ofMillis(timeoutMs), f -> {
                synchronized (out) {
                    out.println(json ? jsonLine(f) : textLine(f));
                    out.flush();
                }
                return true;
            });
        } catch (IOException e) {
            throw new CommandFailed(e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new CommandFailed("sending on '" + iface + "' failed: " + e.getCause().getMessage());
        }
        if (!json) {
            out.println(found.size() + " device(s) on " + iface);
            out.flush();
        }
        return 0;
    }

    private static String jsonLine(SadpClient.Found f) {
        Map<String, Object> m = SadpJson.device(null, f.device(), f.device().recovery());
        m.put("elapsedMs", f.elapsedMs());
        return SadpJson.line(m);
    }

    private static String textLine(SadpClient.Found f) {
        ProbeMatch d = f.device();
        return String.format("%5d ms  %-18s %-16s %-20s %s  activated=%s  methods=%s", f.elapsedMs(), d.mac(),
                d.ipv4(), d.model(), d.serial(), d.activated(), d.resetMethods());
    }
}
