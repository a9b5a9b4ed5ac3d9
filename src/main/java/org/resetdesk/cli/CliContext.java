package org.resetdesk.cli;

import java.time.Clock;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.JobRepository;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.StaffDirectory;

/**
 * What headless commands need, built by the composition root from the global options. The recorder link is opened
 * only when a command talks to a device, on the named interface (the configured dedicated port when null).
 */
public interface CliContext extends AutoCloseable {
    KioskConfig config();

    Clock clock();

    JobRepository jobs();

    StaffDirectory staff();

    Artifacts artifacts();

    RecorderLink link(String interfaceName);

    @Override
    void close();
}
