package org.resetdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.recorder.ControlServer;
import org.resetdesk.recorder.SupportDesk;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code resetdesk support-desk answer REQUEST_FILE (--out REPLY_FILE | --key)}: the training support desk. */
@Command(name = "support-desk", description = "Training support desk (answers virtual recorders only).",
        subcommands = SupportDeskCommand.Answer.class)
public final class SupportDeskCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name an action: answer");
    }

    @Command(name = "answer", description = "Produce support's reply file or 8-character key for an export.")
    static final class Answer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "REQUEST_FILE")
        Path request;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Output output;

        static final class Output {
            @Option(names = "--out", paramLabel = "REPLY_FILE", description = "write the reply file here")
            Path out;

            @Option(names = "--key", description = "print the 8-character key on stdout")
            boolean key;
        }

        @Override
        public Integer call() {
            byte[] bytes;
            try {
                if (Files.size(request) > SupportDesk.MAX_REQUEST) {
                    throw new CommandFailed("refused: " + request + " is far bigger than any export");
                }
                bytes = Files.readAllBytes(request);
            } catch (IOException e) {
                throw new CommandFailed("cannot read " + request + ": " + e.getMessage());
            }
            SupportDesk.Answer a;
            try {
                a = SupportDesk.answer(bytes);
            } catch (SupportDesk.Refused e) {
                throw new CommandFailed("refused: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.key) {
                out.println(a.key());
            } else {
                try {
                    Files.write(output.out, a.replyFile());
                } catch (IOException e) {
                    throw new CommandFailed("cannot write " + output.out + ": " + e.getMessage());
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("reply", output.out.toString());
                line.put("suggestedFileName", a.suggestedFileName());
                line.put("mac", a.mac());
                line.put("serial", a.serial9());
                line.put("exportKind", a.exportKind());
                out.println(ControlServer.toJson(line));
            }
            out.flush();
            return 0;
        }
    }
}
