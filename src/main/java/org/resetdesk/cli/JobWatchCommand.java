package org.resetdesk.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.resetdesk.job.JobService;
import org.resetdesk.job.Watchdog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "watch", description = "run the guard watchdog for all open jobs (prints each change as JSON)")
final class JobWatchCommand implements Callable<Integer> {
    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Option(names = "--once", description = "one round, then exit")
    boolean once;
    @Option(names = "--interface")
    String iface;
    @Option(names = "--period-ms", defaultValue = "1000")
    long periodMs;

    @Override
    public Integer call() throws InterruptedException {
        try (CliContext ctx = parent.context()) {
            JobService svc = JobCommand.service(ctx, iface);
            svc.addListener((job, events) -> events.forEach(e -> CliSupport.json(spec.commandLine().getOut(),
                    java.util.Map.of("job", job.id(), "seq", e.seq(), "type", e.type(),
                            "detail", String.valueOf(e.detail()), "state", job.state().name()))));
            ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "watchdog");
                t.setDaemon(true);
                return t;
            });
            try (Watchdog dog = new Watchdog(svc, svc.link(), ctx.clock(), exec, Duration.ofMillis(periodMs))) {
                if (once) {
                    dog.tick();
                    return 0;
                }
                dog.start();
                new CountDownLatch(1).await();
                return 0;
            } finally {
                exec.shutdownNow();
            }
        }
    }
}
