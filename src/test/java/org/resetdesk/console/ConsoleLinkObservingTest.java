package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Attempt;
import org.resetdesk.job.ConsoleLink;
import org.resetdesk.job.GuardStatus;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobState;
import org.resetdesk.job.Observation;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.job.Verdict;

/** Console evidence reaches the domain guards as observations: a boot voids an armed attempt, a failure keeps it. */
class ConsoleLinkObservingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private static Job armedJob() {
        Attempt a = new Attempt(1, ResetMethod.ENCRYPTED_STRING, NOW.minusSeconds(600), NOW.plusSeconds(86_400),
                "sha", null, null, false);
        return new Job("J-1", JobState.AWAITING_REPLY, NOW, NOW, null, null, ResetMethod.ENCRYPTED_STRING, a, 1, null,
                null, GuardStatus.ANSWERING, "eth1", null);
    }

    @Test
    void bootLineVoidsTheArmedAttemptAndFailureLineKeepsIt() {
        List<Observation> seen = new ArrayList<>();
        ConsoleLink.Listener l = ConsoleLink.observing(seen::add);
        l.onLine(NOW, "DRAM:  512 MiB");
        l.onLink(NOW, false, "unplugged");
        assertThat(seen).as("lines and an unplugged console are not evidence").isEmpty();

        l.onBoot(NOW, "U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)");
        l.onFailure(NOW, "LZMA data is corrupt -- System halted");
        assertThat(seen).extracting(Observation::kind)
                .containsExactly(Observation.Kind.CONSOLE_BOOT, Observation.Kind.CONSOLE_FAILURE);

        Verdict boot = Guards.assess(armedJob(), seen.get(0), NOW);
        assertThat(boot.voids()).isTrue();
        assertThat(boot.voidReason()).isEqualTo("the recorder restarted — seen on its console");
        Verdict failure = Guards.assess(armedJob(), seen.get(1), NOW);
        assertThat(failure.voids()).isFalse();
        assertThat(failure.status()).isEqualTo(GuardStatus.NOT_BOOTING);
    }
}
