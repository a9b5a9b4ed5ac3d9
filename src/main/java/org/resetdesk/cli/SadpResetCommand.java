package org.resetdesk.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.RecorderLink.ResetReply;
import org.resetdesk.sadp.ProbeMatch;
import org.resetdesk.sadp.SadpClient;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sadp reset --interface IF --mac MAC (--reply FILE | --key KEY) --new-password-stdin [--sync-cameras]}:
 * sends support's reply with the new password, once. Prints {@code {"result","retriesLeft","lockedMinutes","kind"}};
 * exit 1 unless the device said success. The password is read from stdin into a char[] and wiped.
 */
@Command(name = "reset", description = "Reset the password with support's reply (not for devices with an open job).")
public final class SadpResetCommand implements Callable<Integer> {
    static final int MAX_REPLY_BYTES = 32 * 1024;

    @Mixin
    SadpCommand.Target target;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Reply reply;

    static final class Reply {
        @Option(names = "--reply", required = true, paramLabel = "FILE", description = "support's reply file")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "support's key")
        String key;
    }

    @Option(names = "--new-password-stdin", required = true, description = "read the new password from stdin")
    boolean passwordFromStdin;

    @Option(names = "--sync-cameras", description = "also reset the connected cameras' passwords (NVR/DVR)")
    boolean syncCameras;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String mac = target.normalisedMac(spec);
        ResetReply r = readReply();
        char[] password = readPassword();
        try (SadpClient client = target.open()) {
            ProbeMatch pm = target.locate(client, mac);
            if (syncCameras && !Boolean.TRUE.equals(pm.syncIpcPassword())) {
                throw new CommandFailed("device " + mac + " does not offer resetting its cameras' passwords");
            }
            DeviceOutcome o = client.reset(mac, r, password, syncCameras, Boolean.TRUE.equals(pm.codeEncrypt()));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("result", o.rawResult() != null ? o.rawResult() : o.kind().name().toLowerCase());
            line.put("retriesLeft", o.retriesLeft());
            line.put("lockedMinutes", o.lockedMinutes());
            line.put("kind", o.kind().name());
            spec.commandLine().getOut().println(SadpJson.line(line));
            spec.commandLine().getOut().flush();
            if (!o.isSuccess()) {
                throw new CommandFailed("reset failed: " + line.get("result")
                        + (o.retriesLeft() != null ? ", " + o.retriesLeft() + " tries left" : "")
                        + (o.lockedMinutes() != null ? ", locked for " + o.lockedMinutes() + " min" : "")
                        + " (not retried)");
            }
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private ResetReply readReply() throws IOException {
        if (reply.key != null) {
            String k = reply.key.strip();
            if (k.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--key is empty");
            }
            return ResetReply.key(k);
        }
        if (!Files.isRegularFile(reply.file)) {
            throw new CommandFailed("reply file not found: " + reply.file);
        }
        if (Files.size(reply.file) > MAX_REPLY_BYTES || Files.size(reply.file) == 0) {
            throw new CommandFailed("reply file " + reply.file + " is empty or too big (" + Files.size(reply.file)
                    + " bytes)");
        }
        return ResetReply.file(Files.readAllBytes(reply.file));
    }

    /** One line from stdin (without its line break) into a char[]; never a String. */
    private char[] readPassword() throws IOException {
        Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        char[] buf = new char[256];
        int n = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (n == buf.length) {
                Arrays.fill(buf, '\0');
                throw new CommandLine.ParameterException(spec.commandLine(), "the new password is too long");
            }
            buf[n++] = (char) c;
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        char[] pw = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        if (pw.length == 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no new password on stdin");
        }
        return pw;
    }
}
