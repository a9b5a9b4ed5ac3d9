package org.resetdesk.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code resetdesk recorder-ctl --control-port N (state | reboot [--down-ms N] | power-off | power-on |
 * set-ip A.B.C.D/NN [--gateway G] | clock +Nh|+Nm | truncate on|off)}: drives a virtual recorder through its
 * loopback control API and prints its state as one JSON line.
 */
@Command(name = "recorder-ctl", description = "Drive a virtual recorder through its control API.",
        subcommands = {RecorderCtlCommand.State.class, RecorderCtlCommand.Reboot.class,
            RecorderCtlCommand.PowerOff.class, RecorderCtlCommand.PowerOn.class, RecorderCtlCommand.SetIp.class,
            RecorderCtlCommand.ClockCmd.class, RecorderCtlCommand.Truncate.class})
public final class RecorderCtlCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--control-port", required = true, scope = ScopeType.INHERIT,
            description = "the recorder's control API port")
    int controlPort;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "name an action: state, reboot, power-off, power-on, set-ip, clock, truncate");
    }

    int send(String method, String path) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
                .timeout(Duration.ofSeconds(10));
        req = "POST".equals(method) ? req.POST(HttpRequest.BodyPublishers.noBody()) : req.GET();
        HttpResponse<String> resp;
        try {
            resp = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CommandFailed("no virtual recorder answers on control port " + controlPort);
        } catch (IOException e) {
            throw new CommandFailed("control port " + controlPort + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed("interrupted");
        }
        String body = resp.body().strip();
        if (resp.statusCode() != 200) {
            String msg = body.replaceFirst("^\\{\"error\":\"(.*)\"}$", "$1");
            throw new CommandFailed("recorder refused: " + msg);
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println(body);
        out.flush();
        return 0;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Command(name = "state", description = "print the recorder's state")
    static final class State implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Override
        public Integer call() {
            return ctl.send("GET", "/state");
        }
    }

    @Command(name = "reboot", description = "reboot: loses RAM state, silent for the down time, then Hello")
    static final class Reboot implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Option(names = "--down-ms", description = "down time in ms (default: the recorder's)")
        Long downMs;

        @Override
        public Integer call() {
            return ctl.send("POST", "/reboot" + (downMs == null ? "" : "?downMs=" + downMs));
        }
    }

    @Command(name = "power-off", description = "cut power: silent until power-on")
    static final class PowerOff implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Override
        public Integer call() {
            return ctl.send("POST", "/power-off");
        }
    }

    @Command(name = "power-on", description = "restore power: boots for the down time")
    static final class PowerOn implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Option(names = "--down-ms", description = "boot time in ms (default: the recorder's)")
        Long downMs;

        @Override
        public Integer call() {
            return ctl.send("POST", "/power-on" + (downMs == null ? "" : "?downMs=" + downMs));
        }
    }

    @Command(name = "set-ip", description = "change the address the recorder reports")
    static final class SetIp implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Parameters(index = "0", paramLabel = "A.B.C.D/NN")
        String cidr;

        @Option(names = "--gateway")
        String gateway;

        @Override
        public Integer call() {
            return ctl.send("POST", "/set-ip?ip=" + enc(cidr) + (gateway == null ? "" : "&gateway=" + enc(gateway)));
        }
    }

    @Command(name = "clock", description = "move the recorder's own clock: +Nh, +Nm (also +Ns, +Nd, negative)")
    static final class ClockCmd implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Parameters(index = "0", paramLabel = "+Nh|+Nm")
        String advance;

        @Override
        public Integer call() {
            return ctl.send("POST", "/clock?advance=" + enc(advance));
        }
    }

    @Command(name = "truncate", description = "quirk: cut ProbeMatch replies mid-element (on|off)")
    static final class Truncate implements Callable<Integer> {
        @ParentCommand
        RecorderCtlCommand ctl;

        @Parameters(index = "0", paramLabel = "on|off")
        String onOff;

        @Override
        public Integer call() {
            boolean on = switch (onOff.toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new CommandFailed("truncate wants on or off");
            };
            return ctl.send("POST", "/quirks?truncate=" + on);
        }
    }
}
