package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resetdesk.job.JobState.*;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobStateTest {
    /** The whole table, written out: every pair not listed here must be refused. */
    private static final Map<JobState, Set<JobState>> ALLOWED = Map.of(
            INTAKE, EnumSet.of(IDENTIFIED, ABANDONED),
            IDENTIFIED, EnumSet.of(IDENTIFIED, REQUEST_EXPORTED, PASSWORD_SET, ABANDONED),
            REQUEST_EXPORTED, EnumSet.of(AWAITING_REPLY, REPLY_RECEIVED, VOIDED, ABANDONED),
            AWAITING_REPLY, EnumSet.of(REPLY_RECEIVED, VOIDED, ABANDONED),
            REPLY_RECEIVED, EnumSet.of(PASSWORD_SET, AWAITING_REPLY, VOIDED, ABANDONED),
            PASSWORD_SET, EnumSet.of(AFTERCARE, CLOSED, ABANDONED),
            AFTERCARE, EnumSet.of(CLOSED, ABANDONED),
            VOIDED, EnumSet.of(IDENTIFIED, ABANDONED),
            CLOSED, EnumSet.noneOf(JobState.class),
            ABANDONED, EnumSet.noneOf(JobState.class));

    @Test
    void everyPairFollowsTheTable() {
        int checked = 0;
        for (JobState from : values()) {
            for (JobState to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(100);
    }

    @Test
    void illegalMoveThrowsAndNamesBothStates() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        Job job = Job.open("RD-000001", JobServiceTest.intake("X"), clock);
        assertThatThrownBy(() -> job.moveTo(PASSWORD_SET, clock)).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("INTAKE").hasMessageContaining("PASSWORD_SET");
    }

    @Test
    void armedStatesAreExactlyTheThreeBetweenExportAndReset() {
        assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isArmed))
                .containsExactlyInAnyOrder(REQUEST_EXPORTED, AWAITING_REPLY, REPLY_RECEIVED);
    }
}
