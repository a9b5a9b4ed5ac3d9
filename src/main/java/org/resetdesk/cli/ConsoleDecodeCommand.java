package org.resetdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.resetdesk.console.BootLogParser;
import org.resetdesk.console.LineFramer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code resetdesk console-decode FILE}: frames a captured serial boot log (raw bytes, noise included) into lines and
 * prints one JSON line per recognised event: {@code lineNo, type, evidence, line} and the event's fields.
 */
@Command(name = "console-decode", description = "Parse a captured serial boot log; one JSON line per recognised event.")
public final class ConsoleDecodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the captured console output (raw bytes)")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BootLogParser parser = new BootLogParser();
        LineFramer framer = new LineFramer();
        long[] lineNo = {0};
        Consumer<LineFramer.Line> sink = line -> {
            lineNo[0]++;
            parser.parse(line.text()).ifPresent(e -> out.println(ConsoleJson.event(e, null, lineNo[0])));
        };
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                framer.feed(buf, 0, n, sink);
            }
        } catch (IOException e) {
            out.flush();
            throw new CommandFailed("cannot read " + file + ": " + e.getMessage());
        }
        framer.finish(sink);
        out.flush();
        return 0;
    }
}
