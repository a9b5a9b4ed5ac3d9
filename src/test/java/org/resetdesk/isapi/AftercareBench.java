package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Aftercare;
import org.resetdesk.job.Job;

/** How long a full read-only aftercare run takes against the virtual recorder on loopback (figures, no limits). */
@Tag("bench")
class AftercareBench {

    @Test
    void aftercareRunOnLoopback() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            Job job = rig.openJob();
            List<Long> runs = new ArrayList<>();
            int requestsBefore = 0;
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                try (IsapiClient c = rig.client(job)) {
                    var run = new Aftercare(rig.clock).run(job, c, IsapiRig.PASSWORD.toCharArray(),
                            Aftercare.Options.readOnly());
                    assertThat(run.report().verified()).isTrue();
                }
                long micros = (System.nanoTime() - t0) / 1000;
                if (i >= 10) {
                    runs.add(micros);
                }
                if (i == 0) {
                    requestsBefore = rig.server.received("GET", "/");
                }
            }
            Collections.sort(runs);
            System.out.printf("BENCH isapi.aftercare.readOnly.loopback: median %.1f ms, p95 %.1f ms, max %.1f ms "
                            + "(n=%d after 10 warm-up runs; %d HTTP requests per run incl. digest challenges)%n",
                    runs.get(runs.size() / 2) / 1000.0, runs.get((int) (runs.size() * 0.95)) / 1000.0,
                    runs.get(runs.size() - 1) / 1000.0, runs.size(), requestsBefore);
        }
    }
}
