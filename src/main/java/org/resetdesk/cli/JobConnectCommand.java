package org.resetdesk.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;
import org.resetdesk.job.SerialNumbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "connect", description = "find the recorder on the dedicated port and match it to the label")
final class JobConnectCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0")
    String id;
    @Option(names = "--interface")
    String iface;
    @Option(names = "--console", description = "serial console path to watch for this job")
    String console;
    @Option(names = "--timeout-ms", defaultValue = "3000")
    long timeoutMs;

    @Override
    public Integer call() {
        try (CliContext ctx = parent.context()) {
            JobService svc = JobCommand.service(ctx, iface);
            Job job = CliSupport.await(svc.find(id));
            List<DeviceInfo> found = CliSupport.await(svc.discover(Duration.ofMillis(timeoutMs), d -> { }));
            if (found.isEmpty()) {
                throw new CommandFailed("no recorder answered on " + svc.link().port().name()
                        + " — check that it is plugged into the dedicated port and powered");
            }
            String label = SerialNumbers.normalise(job.intake().labelSerial());
            Optional<DeviceInfo> match = found.stream()
                    .filter(d -> SerialNumbers.normalise(d.serial()).equals(label)).findFirst();
            DeviceInfo pick = match.orElse(found.size() == 1 ? found.get(0) : null);
            if (pick == null) {
                throw new CommandFailed(found.size() + " recorders answered and none has the label serial "
                        + label + "; connect only the customer's recorder");
            }
            Job connected = CliSupport.await(svc.connect(id, pick));
            if (console != null) {
                CliSupport.await(svc.note(id, JobConsoles.ATTACHED,
                        java.nio.file.Path.of(console).toAbsolutePath().toString()));
            }
            CliSupport.json(spec.commandLine().getOut(), Map.of("id", connected.id(), "state",
                    connected.state().name(), "serial", pick.serial(), "mac", pick.mac(), "ipv4",
                    String.valueOf(pick.ipv4()), "methods", pick.resetMethods().toString(),
                    "recommended", String.valueOf(connected.method())));
            return 0;
        }
    }
}
