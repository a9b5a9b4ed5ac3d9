package org.resetdesk;

import java.time.Clock;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.console.JobTranscripts;
import org.resetdesk.console.SerialConsole;
import org.resetdesk.console.SerialSettings;
import org.resetdesk.job.ConsoleLink;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobService;

/**
 * The recorder's debug console as a second reboot detector: every boot banner or failure it prints is an
 * observation for each armed job at the counter (one recorder is on the console at a time), and every line goes to the
 * console transcript of each open job ({@link JobTranscripts}, referenced from the job log). Listen-only.
 */
final class ConsoleWatch {
    private ConsoleWatch() {}

    static AutoCloseable startIfConfigured(KioskConfig config, JobService jobs, Clock clock) {
        return startIfConfigured(config, jobs, clock, null);
    }

    /** As above; the console's lines also go to {@code buffer} (the kiosk's live console view) when not null. */
    static AutoCloseable startIfConfigured(KioskConfig config, JobService jobs, Clock clock,
                                           org.resetdesk.console.ConsoleBuffer buffer) {
        if (config.consolePort() == null || config.consolePort().isBlank()) {
            return () -> { };
        }
        SerialConsole console = new SerialConsole(SerialSettings.defaults(config.consolePort())
                .withBaud(config.consoleBaud()), clock);
        console.addListener(ConsoleLink.observing(o -> {
            for (Job j : jobs.openJobs().join()) {
                if (j.state().isArmed()) {
                    jobs.observe(j.id(), o);
                }
            }
        }));
        if (buffer != null) {
            console.addListener(buffer.listener());
        }
        // one recorder is on the console at a time: its lines go to the transcripts of the open jobs whose recorder
        // is connected (identified or later); a job still at intake has no recorder here and gets nothing
        JobTranscripts transcripts = JobTranscripts.start(jobs, config.dataDir(), id -> {
            Job j = jobs.find(id).join();
            return j != null && j.device() != null && j.state() != org.resetdesk.job.JobState.INTAKE;
        });
        console.addListener(transcripts);
        console.start();
        return () -> {
            console.stop();
            transcripts.close();
        };
    }
}
