package org.resetdesk.job;

public final class IllegalTransition extends IllegalStateException {
    public IllegalTransition(String jobId, JobState from, JobState to) {
        super("job " + jobId + " cannot move from " + from + " to " + to);
    }
}
