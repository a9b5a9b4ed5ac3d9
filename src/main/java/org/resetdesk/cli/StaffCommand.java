package org.resetdesk.cli;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.resetdesk.job.StaffDirectory.Role;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2StaffDirectory;
import org.resetdesk.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code staff add --id ID --name NAME --pin-stdin [--role staff|manager]}. */
@Command(name = "staff", description = "staff accounts", subcommands = StaffCommand.Add.class)
public final class StaffCommand {

    @Command(name = "add", description = "add a staff account; the PIN (4 to 12 digits) is read from standard input")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, description = "staff id (letters, digits, '.', '_', '-')")
        String id;

        @Option(names = "--name", required = true, description = "the person's name")
        String name;

        @Option(names = "--pin-stdin", required = true, description = "read the PIN from standard input (one line)")
        boolean pinStdin;

        @Option(names = "--role", defaultValue = "staff", description = "staff or manager (default staff)")
        String role;

        @Override
        public Integer call() {
            Role r = switch (role.toLowerCase(Locale.ROOT)) {
                case "staff" -> Role.STAFF;
                case "manager" -> Role.MANAGER;
                default -> throw new ParameterException(spec.commandLine(), "--role must be staff or manager, not " + role);
            };
            char[] pin = CliSupport.readLine(System.in);
            try (H2Database db = StoreCli.open(spec, false)) {
                new H2StaffDirectory(db, Clock.systemUTC()).add(id, name, pin, r);
            } catch (StoreException | IllegalArgumentException e) {
                throw new CommandFailed("staff add: " + e.getMessage());
            } finally {
                Arrays.fill(pin, '\0');
            }
            spec.commandLine().getOut().println("staff " + id + " added (" + r.name().toLowerCase(Locale.ROOT) + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
