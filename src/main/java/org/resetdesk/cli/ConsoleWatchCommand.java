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
import org.resetdesk.job.Guards;
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

    private String port;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "serial port path (ptys included)")
    void port(String value) {
        try {
            SerialSettings.defaults(value);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        port = value;
    }

    private int baud = 115200;
    private int dataBits = 8;
    private SerialSettings.Parity parity = SerialSettings.Parity.NONE;
    private SerialSettings.StopBits stopBits = SerialSettings.StopBits.ONE;

    @Option(names = "--baud", paramLabel = "N", description = "baud rate (default 115200)")
    void baud(int value) {
        if (value <= 0) {
            throw bad("--baud must be a positive number: " + value);
        }
        baud = value;
    }

    @Option(names = "--data-bits", paramLabel = "N", description = "5 to 8 (default 8)")
    void dataBits(int value) {
        if (value < 5 || value > 8) {
            throw bad("--data-bits must be 5 to 8: " + value);
        }
        dataBits = value;
    }

    @Option(names = "--parity", paramLabel = "P", description = "none (default), odd, even, mark or space")
    void parity(String value) {
        parity = switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> SerialSettings.Parity.NONE;
            case "odd" -> SerialSettings.Parity.ODD;
            case "even" -> SerialSettings.Parity.EVEN;
            case "mark" -> SerialSettings.Parity.MARK;
            case "space" -> SerialSettings.Parity.SPACE;
            default -> throw bad("--parity must be none, odd, even, mark or space: " + value);
        };
    }

    @Option(names = "--stop-bits", paramLabel = "S", description = "1 (default), 1.5 or 2")
    void stopBits(String value) {
        stopBits = switch (value) {
            case "1" -> SerialSettings.StopBits.ONE;
            case "1.5" -> SerialSettings.StopBits.ONE_AND_HALF;
            case "2" -> SerialSettings.StopBits.TWO;
            default -> throw bad("--stop-bits must be 1, 1.5 or 2: " + value);
        };
    }

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
                        "detail", Guards.RESTARTED_CONSOLE));
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
            return SerialSettings.defaults(port).withBaud(baud).withFrame(dataBits, parity, stopBits)
                    .withFlowControl(rtscts);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void print(PrintWriter out, String json) {
        synchronized (out) {
            out.println(json);
            out.flush();
        }
    }
}
