package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobService;
import org.resetdesk.job.JobState;

class EventSinkTest {
    @TempDir
    Path dir;

    @Test
    void throughTheJobServiceEventsKeepTheLatestJobAndReachItsListeners() {
        Job job = TestJobs.exported("RD-000950");
        FakeJobs jobs = new FakeJobs().with(job);
        JobService service = new JobService(jobs, null, new DirArtifacts(dir), Clock.systemUTC(), Runnable::run);
        List<JobEvent> heard = new CopyOnWriteArrayList<>();
        service.addListener((j, evs) -> heard.addAll(evs));
        // the job moves on after the sink was made: the event must not bring the old snapshot back
        service.markSent(job.id(), "email").join();
        EventSink.through(service).record(JobEvent.of(job.id(), job.updatedAt(), SupportEvents.HANDOFF_DELIVERED,
                "message <x@resetdesk>"));
        assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.AWAITING_REPLY);
        assertThat(heard).extracting(JobEvent::type).endsWith(SupportEvents.HANDOFF_DELIVERED);
    }

    @Test
    void aFailingSinkIsLoggedNotThrown() {
        EventSink.safe(e -> {
            throw new IllegalStateException("store is down");
        }).record(JobEvent.of("RD-1", TestJobs.T0, "x", "y"));
    }
}
