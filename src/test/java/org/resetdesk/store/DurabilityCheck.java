package org.resetdesk.store;

import java.util.ArrayList;
import java.util.List;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

/** What must hold after a crash: the chain verifies, acknowledged events exist, every job's state is reachable. */
final class DurabilityCheck {
    private DurabilityCheck() {}

    /** @return null when all holds, else the first problem */
    static String problem(H2Database db, long acknowledged) {
        AuditChain.Result chain = new AuditChain(db).verify();
        if (!chain.intact()) {
            return chain.describe();
        }
        if (chain.checked() < acknowledged) {
            return "acknowledged seq " + acknowledged + " lost: the log ends at " + chain.checked();
        }
        H2JobRepository jobs = new H2JobRepository(db);
        List<String> ids = db.read("list jobs", c -> {
            List<String> out = new ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM jobs ORDER BY id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        int open = 0;
        for (String id : ids) {
            Job job = jobs.find(id).orElseThrow();
            List<JobEvent> history = jobs.events(id);
            if (history.isEmpty()) {
                return "job " + id + " has no events";
            }
            JobState state = JobState.INTAKE;
            for (JobEvent e : history) {
                if (StateHistory.isTransition(e)) {
                    JobState next = JobState.valueOf(e.type().substring(StateHistory.PREFIX.length()));
                    if (!state.canMoveTo(next)) {
                        return "job " + id + ": impossible move " + state + " -> " + next + " at seq " + e.seq();
                    }
                    state = next;
                }
            }
            if (job.state() != state) {
                return "job " + id + ": snapshot says " + job.state() + " but its history ends in " + state;
            }
            open += job.isOpen() ? 1 : 0;
        }
        if (jobs.openJobs().size() != open) {
            return "the board lists " + jobs.openJobs().size() + " open jobs, the snapshots " + open;
        }
        return null;
    }
}
