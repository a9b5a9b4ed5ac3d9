package org.resetdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.ResetMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "export the reset request exactly as the recorder gives it; arms the guards")
final class JobExportCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;
    @Option(names = "--out", required = true)
    Path out;
    @Option(names = "--method", description = "encrypted-string | device-code | reserved-email (default: the recommended one)")
    String method;
    @Option(names = "--qr", description = "also write the request as a QR code PNG")
    Path qr;
    @Option(names = "--interface")
    String iface;
    @Option(names = "--confirm-re-export", description = "void the armed attempt and export a new request")
    boolean confirm;

    @Override
    public Integer call() throws IOException {
        try (CliContext ctx = parent.context()) {
            JobService svc = JobCommand.service(ctx, iface);
            Job job = CliSupport.await(svc.find(id));
            ResetMethod m = method == null ? job.method() : parseMethod(method, spec);
            if (m == null) {
                throw new CommandFailed("job " + id + " has no reset method; connect the recorder first");
            }
            JobService.Exported e = CliSupport.await(svc.export(id, m, confirm));
            Files.write(out, e.request());
            if (qr != null) {
                QrCodes.writePng(e.qrText().getBytes(java.nio.charset.StandardCharsets.UTF_8), qr);
            }
            Map<String, Object> o = new LinkedHashMap<>(JobCommand.status(e.job()));
            o.put("file", out.toString());
            o.put("bytes", e.request().length);
            if (e.codeSentTo() != null) {
                o.put("codeSentTo", e.codeSentTo());
            }
            CliSupport.json(spec.commandLine().getOut(), o);
            return 0;
        }
    }

    static ResetMethod parseMethod(String text, CommandSpec spec) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ResetMethod m : ResetMethod.values()) {
            if (m.name().equals(name) && m.exportsChallenge()) {
                return m;
            }
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "--method must be encrypted-string, device-code or reserved-email, not " + text);
    }
}
