package org.resetdesk.ui;

import java.util.concurrent.CompletableFuture;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.AftercareReport;
import org.resetdesk.job.Job;

/**
 * Runs the aftercare use case for a job off the event thread: connects to the job's recorder, runs
 * {@link Aftercare#run}, saves the run's events with the job (a verified job moves to AFTERCARE) and completes with
 * the report. The password is the caller's: the service copies what it needs and the caller wipes its array.
 */
public interface AftercareService {
    CompletableFuture<AftercareReport> run(Job job, char[] password, Aftercare.Options options);
}
