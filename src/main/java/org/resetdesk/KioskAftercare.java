package org.resetdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.resetdesk.isapi.AddressAlias;
import org.resetdesk.isapi.IsapiConnector;
import org.resetdesk.isapi.IsapiEndpoint;
import org.resetdesk.cli.GuidFiles;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareGuid;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderApi;
import org.resetdesk.job.RefusedException;
import org.resetdesk.sadp.ProbeMatch;
import org.resetdesk.sadp.SadpClient;
import org.resetdesk.ui.AftercareService;

/**
 * The kiosk's aftercare: the same {@link Aftercare} use case as {@code job aftercare}, over ISAPI on the dedicated
 * port. The recorder's HTTP port comes from its SADP announcement (an inquiry, read-only); on a training station the
 * in-process recorder's ISAPI server listens on 127.0.0.1. The run's events are saved through {@link JobService}
 * (a verified job moves to AFTERCARE first); the password is copied, used once and wiped.
 */
final class KioskAftercare implements AftercareService {
    /** Opens the recorder API for a job (closed after the run). */
    interface Opener {
        RecorderApi open(Job job, Optional<String> pinnedCertificate) throws Exception;
    }

    private final JobService jobs;
    private final Opener opener;
    private final Clock clock;
    private final Executor io;

    KioskAftercare(JobService jobs, Opener opener, Clock clock, Executor io) {
        this.jobs = jobs;
        this.opener = opener;
        this.clock = clock;
        this.io = io;
    }

    /**
     * ISAPI at the HTTP port the recorder announces over SADP (80 when it does not say).
     *
     * @param training the in-process recorder: its ISAPI server is on 127.0.0.1 and no address is borrowed
     */
    static KioskAftercare over(SadpClient sadp, String iface, boolean training, JobService jobs, Clock clock,
                               Executor io) {
        Opener opener = (job, pin) -> {
            if (job.device() == null || job.device().mac() == null) {
                throw new IllegalStateException("job " + job.id() + " has no recorder yet (connect it first)");
            }
            Optional<ProbeMatch> pm = sadp.find(job.device().mac(), Duration.ofSeconds(2));
            Function<String, IsapiEndpoint> endpoint = ip -> {
                String host = training ? "127.0.0.1" : ip;
                return pm.isEmpty() || pm.get().httpPort() == null ? IsapiEndpoint.standard(host)
                        : new IsapiEndpoint(host, pm.get().httpPort(), pm.get().httpsPort(), Duration.ofSeconds(5));
            };
            IsapiConnector c = training ? new IsapiConnector(null, null, endpoint, clock)
                    : new IsapiConnector(IsapiConnector.portCidr(iface), AddressAlias.standard(iface), endpoint, clock);
            return c.open(job, pin);
        };
        return new KioskAftercare(jobs, opener, clock, io);
    }

    @Override
    public CompletableFuture<AftercareReport> run(Job job, char[] password, Aftercare.Options options) {
        char[] pw = password.clone();
        return CompletableFuture.supplyAsync(() -> {
            try {
                Job current = jobs.find(job.id()).join();
                Aftercare.Run run;
                try (RecorderApi api = opener.open(current, Aftercare.pinnedCertificate(jobs.events(job.id()).join()))) {
                    run = new Aftercare(clock).run(current, api, pw, options);
                }
                save(current, run);
                if (run.refusal() != null) {
                    throw new RefusedException(run.refusal());
                }
                return run.report();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }, io);
    }

    @Override
    public boolean savesGuid() {
        return true;
    }

    /** {@link AftercareGuid} through the job service's SADP link, then a new file on the stick; bytes wiped. */
    @Override
    public CompletableFuture<GuidSaved> saveGuid(Job job, char[] password, Path usbRoot) {
        if (usbRoot == null || !java.nio.file.Files.isDirectory(usbRoot) || !java.nio.file.Files.isWritable(usbRoot)) {
            // checked first: ExportGUID costs a password try on the recorder and must not be wasted
            return CompletableFuture.failedFuture(new UncheckedIOException(new IOException("the USB stick "
                    + usbRoot + " is not there or cannot be written; nothing was asked of the recorder")));
        }
        char[] pw = password.clone();
        return new AftercareGuid(jobs, io).exportGuid(job.id(), pw).thenApplyAsync(r -> {
            if (!r.exported()) {
                return new GuidSaved(r.outcome(), null, null);
            }
            try {
                Path target = GuidFiles.freeName(usbRoot, job.device() == null ? null : job.device().serial());
                GuidFiles.writeNew(target, r.guidFile());
                return new GuidSaved(r.outcome(), target, r.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                r.wipe();
            }
        }, io);
    }

    private void save(Job job, Aftercare.Run run) {
        if (run.report() != null && run.report().verified() && job.state() == JobState.PASSWORD_SET) {
            jobs.startAftercare(job.id()).join();
        }
        for (JobEvent e : run.events()) {
            jobs.note(job.id(), e.type(), e.detail()).join();
        }
    }
}
