package org.resetdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.resetdesk.sadp.ProbeMatch;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpDocument;
import org.resetdesk.sadp.SadpFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code decode FILE...}: one JSON line per captured SADP datagram. Exit 1 when any file could not be decoded at
 * all; a recovered (cut-off or malformed) document still counts as decoded, with {@code truncated} or {@code error}
 * saying what happened.
 */
@Command(name = "decode", description = "Decode captured SADP payloads (one datagram per file) as JSON Lines.")
public final class DecodeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "captured payload files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path f : files) {
            String name = f.toString();
            try {
                byte[] bytes = readCapped(f);
                SadpDocument doc = SadpCodec.decode(bytes);
                String error = doc.recovery() == null ? null : doc.recovery() + "; recovered line by line";
                out.println(SadpJson.line(SadpJson.device(name, ProbeMatch.from(doc), error)));
            } catch (SadpFormatException e) {
                failed++;
                out.println(SadpJson.line(SadpJson.device(name, null, e.getMessage())));
            } catch (IOException e) {
                failed++;
                out.println(SadpJson.line(SadpJson.device(name, null, "cannot read file: " + e.getMessage())));
            }
            out.flush();
        }
        if (failed > 0) {
            spec.commandLine().getErr().println(failed + " of " + files.size() + " file(s) could not be decoded");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    /** Reads at most one byte past the payload cap, so a huge file is refused without loading it. */
    private static byte[] readCapped(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            return in.readNBytes(SadpCodec.MAX_PAYLOAD + 1);
        }
    }
}
