package org.resetdesk.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code job receipt ID --out PDF [--kind intake|handback] [--width 80mm|a4] [--print]}: writes the intake ticket
 * or hand-back receipt as PDF, and with {@code --print} also prints it on {@code printer.name}; prints one JSON
 * line ({@code jobId, kind, out, printed}). Exit 1 with a one-line reason when refused, 2 on bad usage.
 */
@Command(name = "receipt", description = "Write (and optionally print) the intake ticket or the hand-back receipt.")
public final class JobReceiptCommand implements Callable<Integer> {
    private final Supplier<ReceiptCommandCore> core;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "job id")
    String jobId;

    @Option(names = "--out", required = true, paramLabel = "PDF", description = "where to write the PDF")
    Path out;

    @Option(names = "--kind", defaultValue = "intake", description = "intake or handback (default intake)")
    String kind;

    @Option(names = "--width", description = "80mm or a4 (default receipt.width)")
    String width;

    @Option(names = "--print", description = "also print it on the configured printer")
    boolean print;

    public JobReceiptCommand(Supplier<ReceiptCommandCore> core) {
        this.core = core;
    }

    @Override
    public Integer call() {
        Receipts.Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "intake" -> Receipts.Kind.INTAKE;
            case "handback", "hand-back" -> Receipts.Kind.HANDBACK;
            default -> throw new ParameterException(spec.commandLine(), "--kind must be intake or handback");
        };
        PaperWidth w = width == null ? null : PaperWidth.parse(width).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "--width must be 80mm or a4"));
        try {
            ReceiptCommandCore c = core.get();
            c.write(jobId, k, w, out);
            if (print) {
                c.print(jobId, k, w);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("jobId", jobId);
            line.put("kind", k.name().toLowerCase(Locale.ROOT));
            line.put("out", out.toString());
            line.put("printed", print);
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(line));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (ReceiptCommandCore.ReceiptRefused e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
