package org.resetdesk.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.Job;

/**
 * Runs the aftercare use case for a job off the event thread: connects to the job's recorder, runs
 * {@link Aftercare#run}, saves the run's events with the job (a verified job moves to AFTERCARE) and completes with
 * the report. The password is the caller's: the service copies what it needs and the caller wipes its array.
 */
public interface AftercareService {
    CompletableFuture<AftercareReport> run(Job job, char[] password, Aftercare.Options options);

    /** Whether {@link #saveGuid} is wired on this kiosk. */
    default boolean savesGuid() {
        return false;
    }

    /**
     * Exports a fresh GUID file with the recorder's current admin password (the caller wipes its array; the service
     * copies it) and writes it as a new file into {@code usbRoot}, off the event thread. Completes with the device's
     * answer and, when saved, the file and its SHA-256; a refusal completes exceptionally.
     */
    default CompletableFuture<GuidSaved> saveGuid(Job job, char[] password, Path usbRoot) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("GUID export is not wired"));
    }

    /** The device's answer; {@code file} and {@code sha256} are set when the GUID file was written. */
    record GuidSaved(DeviceOutcome outcome, Path file, String sha256) {
        public boolean saved() {
            return file != null;
        }
    }
}
