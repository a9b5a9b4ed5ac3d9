package org.resetdesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Read-only job commands: status, list, events. */
final class JobQueryCommands {
    private JobQueryCommands() {}

    @Command(name = "status", description = "one job's state, attempt and guard status")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        JobCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0")
        String id;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (CliContext ctx = parent.context()) {
                Job j = CliSupport.await(JobCommand.service(ctx, null).find(id));
                print(spec.commandLine().getOut(), JobCommand.status(j), json);
                return 0;
            }
        }
    }

    @Command(name = "list", description = "jobs, newest last")
    static final class ListJobs implements Callable<Integer> {
        @ParentCommand
        JobCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--open")
        boolean open;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (CliContext ctx = parent.context()) {
                List<Job> jobs = new java.util.ArrayList<>(ctx.jobs().openJobs());
                if (!open) {
                    jobs.addAll(ctx.jobs().searchClosed("", 10_000));
                }
                jobs.sort(java.util.Comparator.comparing(Job::id));
                for (Job j : jobs) {
                    print(spec.commandLine().getOut(), JobCommand.status(j), json);
                }
                return 0;
            }
        }
    }

    @Command(name = "events", description = "a job's history")
    static final class Events implements Callable<Integer> {
        @ParentCommand
        JobCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0")
        String id;
        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            try (CliContext ctx = parent.context()) {
                CliSupport.await(JobCommand.service(ctx, null).find(id));
                for (JobEvent e : ctx.jobs().events(id)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("seq", e.seq());
                    m.put("at", e.at().toString());
                    m.put("type", e.type());
                    m.put("detail", e.detail());
                    print(spec.commandLine().getOut(), m, json);
                }
                return 0;
            }
        }
    }

    static void print(PrintWriter out, Map<String, Object> m, boolean json) {
        if (json) {
            CliSupport.json(out, m);
            return;
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : "  ").append(k).append('=').append(v);
            }
        });
        out.println(sb);
        out.flush();
    }
}
