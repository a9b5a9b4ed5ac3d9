package org.resetdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.job.DirectProof;
import org.resetdesk.job.JobService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reset-direct", description = "reset without vendor support: the customer's GUID file, their security"
        + " answers (stdin, one ID=answer per line after the password), or a legacy security code")
final class JobResetDirectCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Proof proof;
    @Option(names = "--new-password-stdin", description = "the new password is the first line of stdin")
    boolean passwordStdin;
    @Option(names = "--sync-cameras")
    boolean sync;
    @Option(names = "--interface")
    String iface;

    static final class Proof {
        @Option(names = "--guid", required = true)
        Path guid;
        @Option(names = "--answers-stdin", required = true)
        boolean answers;
        @Option(names = "--legacy-code", required = true)
        String legacyCode;
    }

    @Override
    public Integer call() throws IOException {
        if (proof.legacyCode == null && !passwordStdin) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--new-password-stdin is required for GUID and security-question resets");
        }
        char[] pw = passwordStdin ? CliSupport.readSecretLine(System.in) : new char[0];
        DirectProof p;
        if (proof.guid != null) {
            if (Files.size(proof.guid) > 4096) {
                throw new CommandFailed("the GUID file " + proof.guid + " is too large to be a GUID file");
            }
            p = DirectProof.guid(Files.readAllBytes(proof.guid));
        } else if (proof.answers) {
            List<DirectProof.Answer> list = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                char[] line = CliSupport.readSecretLine(System.in);
                int eq = new String(line, 0, Math.min(line.length, 8)).indexOf('=');
                if (eq <= 0) {
                    throw new CommandFailed("answer line " + (i + 1) + " must be ID=answer");
                }
                list.add(new DirectProof.Answer(new String(line, 0, eq),
                        java.util.Arrays.copyOfRange(line, eq + 1, line.length)));
                java.util.Arrays.fill(line, '\0');
            }
            p = DirectProof.answers(list);
        } else {
            p = DirectProof.legacy(proof.legacyCode.trim());
        }
        try (CliContext ctx = parent.context()) {
            JobService.ResetAttempt a = CliSupport.await(JobCommand.service(ctx, iface).resetDirect(id, p, pw, sync));
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("result", a.outcome().kind().name());
            o.put("retriesLeft", a.outcome().retriesLeft());
            o.put("lockedMinutes", a.outcome().lockedMinutes());
            o.put("state", a.job().state().name());
            CliSupport.json(spec.commandLine().getOut(), o);
            return a.outcome().isSuccess() ? 0 : 1;
        }
    }
}
