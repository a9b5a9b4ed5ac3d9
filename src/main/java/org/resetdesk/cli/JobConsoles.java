package org.resetdesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.resetdesk.console.JobTranscripts;
import org.resetdesk.console.SerialConsole;
import org.resetdesk.console.SerialSettings;
import org.resetdesk.job.ConsoleLink;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobService;

/**
 * The serial consoles {@code job watch} listens to, and which jobs each one belongs to. {@code --console PATH}
 * serves every open job. Without it, a job that {@code job connect ID --console PATH} attached (its latest
 * {@value #ATTACHED} note) is served by that path only, and {@code console.port} from the configuration serves the
 * other jobs. Each console is listen-only: boot and failure lines become observations of its armed jobs, and every
 * line goes to the transcripts of its open jobs ({@link JobTranscripts}).
 */
final class JobConsoles {
    static final String ATTACHED = "console.attached";

    private JobConsoles() {}

    /** Console path → the job ids it serves, in a stable order. Empty when nothing is configured or attached. */
    static Map<String, Predicate<String>> plan(String option, String configPort, JobService svc) {
        if (option != null && !option.isBlank()) {
            return Map.of(option, id -> true);
        }
        Map<String, String> portOf = new HashMap<>();
        for (Job j : svc.openJobs().join()) {
            String port = null;
            for (JobEvent e : svc.events(j.id()).join()) {
                if (ATTACHED.equals(e.type()) && e.detail() != null && !e.detail().isBlank()) {
                    port = e.detail().strip();
                }
            }
            if (port != null) {
                portOf.put(j.id(), port);
            }
        }
        Map<String, Predicate<String>> plan = new LinkedHashMap<>();
        for (String port : new TreeSet<>(portOf.values())) {
            plan.put(port, id -> port.equals(portOf.get(id)));
        }
        if (configPort != null && !configPort.isBlank()) {
            Predicate<String> unattached = id -> !portOf.containsKey(id);
            plan.merge(configPort, unattached, Predicate::or);
        }
        return plan;
    }

    /** Starts one console (with observations and transcripts) per planned path; closing stops them all. */
    static AutoCloseable start(Map<String, Predicate<String>> plan, int baud, Clock clock, JobService svc,
                               Path dataDir) {
        List<AutoCloseable> running = new ArrayList<>();
        plan.forEach((port, forJob) -> {
            SerialConsole c = new SerialConsole(SerialSettings.defaults(port).withBaud(baud), clock);
            c.addListener(ConsoleLink.observing(o -> {
                for (Job j : svc.openJobs().join()) {
                    if (j.state().isArmed() && forJob.test(j.id())) {
                        svc.observe(j.id(), o);
                    }
                }
            }));
            JobTranscripts transcripts = JobTranscripts.start(svc, dataDir, forJob);
            c.addListener(transcripts);
            c.start();
            running.add(() -> {
                c.stop();
                transcripts.close();
            });
        });
        return () -> running.forEach(r -> {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
