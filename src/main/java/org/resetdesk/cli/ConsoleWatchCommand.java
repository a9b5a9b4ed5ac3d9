package org.resetdesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.resetdesk.console.SerialConsole;
import org.resetdesk.console.SerialSettings;
import org.resetdesk.job.ConsoleLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code resetdesk console watch --port PATH [--baud N]}: listens (never sends) and prints JSON lines until killed:
 * every recognised event ({@code at, type, evidence, line} + fields), {@code REBOOT} and {@code NOT_BOOTING} verdicts,
 * and {@code LINK} lines when the port opens or goes away.
 */
@Command(name = "watch", description = "Listen to a console port and print boot-log events as JSON lines until killed.")
public final class ConsoleWatchCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "serial port path (ptys included)")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "baud rate (default ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--data-bits", defaultValue = "8", description = "5 to 8 (default ${DEFAULT-VALUE})")
    int dataBits;

    @Option(names = "--parity", defaultValue = "none", description = "none, odd, even, mark or space")
    String parity;

    @Option(names = "--stop-bits", defaultValue = "1", description = "1, 1.5 or 2")
    String stopBits;

    @Option(names = "--rtscts", description = "hardware flow control")
    boolean rtscts;

    @Option(names = "--lines", description = "also print every line as {\"type\":\"LINE\",...}")
    boolean lines;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SerialSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        SerialConsole console = new SerialConsole(settings, Clock.systemUTC());
        console.addEventListener((at, e) -> print(out, ConsoleJson.event(e, at, null)));
        console.addListener(new ConsoleLink.Listener() {
            @Override
            public void onBoot(Instant at, String line) {
                print(out, ConsoleJson.of("at", at.toString(), "type", "REBOOT", "line", line,
                        "detail", "the recorder restarted — seen on its console"));
            }

            @Override
            public void onFailure(Instant at, String line) {
                print(out, ConsoleJson.of("at", at.toString(), "type", "NOT_BOOTING", "line", line,
                        "detail", "the recorder is not booting"));
            }

            @Override
            public void onLink(Instant at, boolean connected, String detail) {
                print(out, ConsoleJson.of("at", at.toString(), "type", "LINK", "connected", connected,
                        "port", settings.port(), "detail", detail));
            }

            @Override
            public void onLine(Instant at, String line) {
                if (lines) {
                    print(out, ConsoleJson.of("at", at.toString(), "type", "LINE", "line", line));
                }
            }
        });
        CountDownLatch forever = new CountDownLatch(1);
        Thread hook = new Thread(console::stop, "console-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        console.start();
        try {
            forever.await();
        } finally {
            console.stop();
        }
        return 0;
    }

    private SerialSettings settings() {
        try {
            SerialSettings.Parity p = SerialSettings.Parity.valueOf(parity.toUpperCase(Locale.ROOT));
            SerialSettings.StopBits s = switch (stopBits) {
                case "1" -> SerialSettings.StopBits.ONE;
                case "1.5" -> SerialSettings.StopBits.ONE_AND_HALF;
                case "2" -> SerialSettings.StopBits.TWO;
                default -> throw new IllegalArgumentException("stop bits must be 1, 1.5 or 2: " + stopBits);
            };
            return SerialSettings.defaults(port).withBaud(baud).withFrame(dataBits, p, s).withFlowControl(rtscts);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
    }

    private static void print(PrintWriter out, String json) {
        synchronized (out) {
            out.println(json);
            out.flush();
        }
    }
}
