package org.resetdesk.store;

import java.util.List;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

/**
 * The rule that keeps stored jobs in reachable states: every state change is a {@code state.<STATE>} event, each one
 * a legal move from the one before ({@link JobState#canMoveTo}), and the snapshot's state is where they end. Pure.
 */
public final class StateHistory {
    public static final String PREFIX = "state.";

    private StateHistory() {}

    public static boolean isTransition(JobEvent e) {
        return e.type() != null && e.type().startsWith(PREFIX);
    }

    /**
     * @param stored the state saved so far, or null for a new job (which starts in INTAKE)
     * @return null when the events lead legally from {@code stored} to {@code target}, else why not
     */
    public static String problem(String jobId, JobState stored, List<JobEvent> events, JobState target) {
        JobState at = stored == null ? JobState.INTAKE : stored;
        boolean first = stored == null;
        for (JobEvent e : events) {
            if (!isTransition(e)) {
                continue;
            }
            JobState next;
            try {
                next = JobState.valueOf(e.type().substring(PREFIX.length()));
            } catch (IllegalArgumentException ex) {
                return "job " + jobId + ": unknown state in event type " + e.type();
            }
            if (!(first && next == JobState.INTAKE) && !at.canMoveTo(next)) {
                return "job " + jobId + ": " + at + " cannot move to " + next;
            }
            first = false;
            at = next;
        }
        if (at != target) {
            return "job " + jobId + ": the events end in " + at + " but the job is " + target
                    + " (every state change needs its state." + target + " event)";
        }
        return null;
    }
}
