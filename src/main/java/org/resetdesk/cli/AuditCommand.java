package org.resetdesk.cli;

import java.util.concurrent.Callable;
import org.resetdesk.store.AuditChain;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit verify}: checks the tamper-evident event chain; exit 1 and one line naming the first broken row. */
@Command(name = "audit", description = "audit trail checks", subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(name = "verify", description = "check the tamper-evident event chain; exit 1 on any break")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AuditChain.Result result;
            try (H2Database db = StoreCli.open(spec, true)) {
                result = new AuditChain(db).verify();
            } catch (StoreException e) {
                throw new CommandFailed("audit verify: " + e.getMessage());
            }
            if (!result.intact()) {
                throw new CommandFailed(result.describe());
            }
            spec.commandLine().getOut().println(result.describe());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
