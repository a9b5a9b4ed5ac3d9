package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The idle rules on a fake clock: warning 20 s before the lock, a touch cancels it, attract when nobody signed in. */
class IdleMonitorTest {
    private final AtomicLong now = new AtomicLong(5_000);
    private final List<String> seen = new ArrayList<>();
    private final IdleMonitor idle = new IdleMonitor(now::get, () -> 120, new IdleMonitor.Listener() {
        public void warn(int s) {
            seen.add("warn " + s);
        }

        public void stillHere() {
            seen.add("here");
        }

        public void lock() {
            seen.add("lock");
        }

        public void attract() {
            seen.add("attract");
        }
    });

    @Test
    void warnsTwentySecondsAheadAndATouchKeepsTheSession() {
        idle.state(true, false);
        now.addAndGet(99_000);
        idle.tick();
        assertThat(seen).isEmpty();
        now.addAndGet(1_000);
        idle.tick();
        assertThat(seen).containsExactly("warn 20");
        idle.touch();
        assertThat(seen).containsExactly("warn 20", "here");
        now.addAndGet(119_000);
        idle.tick();
        assertThat(seen).last().isEqualTo("warn 1");
        now.addAndGet(1_000);
        idle.tick();
        assertThat(seen).last().isEqualTo("lock");
    }

    @Test
    void attractScreenWhenNobodyIsSignedInAndNothingWhileAttracting() {
        idle.state(false, false);
        now.addAndGet(IdleMonitor.ATTRACT_SECONDS * 1000L);
        idle.tick();
        assertThat(seen).containsExactly("attract");
        idle.state(false, true);
        now.addAndGet(1_000_000);
        idle.tick();
        assertThat(seen).containsExactly("attract");
    }
}
