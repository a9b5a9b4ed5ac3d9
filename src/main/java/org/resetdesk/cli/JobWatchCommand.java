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
    @Option(names = "--console", description = "also watch this serial console for every open job (default: the "
            + "console each job was attached to by job connect --console, then console.port)")
    String console;

    /**
     * A boot banner on a console voids its armed jobs at once; silence there is never evidence. Listen-only. The
     * console is {@code --console}, else the one each job was attached to by {@code job connect --console}, else
     * {@code console.port}; its lines go to the jobs' console transcripts.
     */
    private AutoCloseable watchConsole(CliContext ctx, JobService svc) {
        return JobConsoles.start(JobConsoles.plan(console, ctx.config().consolePort(), svc),
                ctx.config().consoleBaud(), ctx.clock(), svc, ctx.config().dataDir());
    }

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
                try (AutoCloseable c = watchConsole(ctx, svc)) {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CommandFailed("console watch: " + e.getMessage());
                }
                return 0;
            } finally {
                exec.shutdownNow();
            }
        }
    }
}
