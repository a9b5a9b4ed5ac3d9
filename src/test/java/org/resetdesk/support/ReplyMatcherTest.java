package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Job;

class ReplyMatcherTest {
    private static final String CAMERA = "DS-2CD2622FWD-IZS20180312BBWR681619114";
    private final Instant at = Instant.parse("2026-11-24T10:00:00Z");
    private final Job a = TestJobs.exported("RD-000123", CAMERA,
            TestJobs.intake("anna", "A", "a@x.test", false, CAMERA), at);
    private final Job b = TestJobs.exported("RD-000124", "DS-7608NI-E2/8P0820160211AAWR123456789WCVU",
            TestJobs.intake("ben", "B", "b@x.test", false, "DS-7608NI-E2/8P0820160211AAWR123456789WCVU"), at);

    @Test
    void matchesBySupportsFileNameShortSerial() {
        var m = ReplyMatcher.match(List.of(a, b), "Encrypt_681619114_o2.xml", null).orElseThrow();
        assertThat(m.job().id()).isEqualTo("RD-000123");
        assertThat(m.how()).isEqualTo("short serial");
        assertThat(ReplyMatcher.match(List.of(a, b), "Encrypt_123456789_o2.xml", null).orElseThrow().job().id())
                .isEqualTo("RD-000124");
    }

    @Test
    void matchesByJobNumberInTheSubjectFirst() {
        var m = ReplyMatcher.match(List.of(a, b), "Encrypt_681619114_o2.xml",
                "RE: Password reset request DS-7608... [rd-000124]").orElseThrow();
        assertThat(m.job().id()).isEqualTo("RD-000124");
        assertThat(m.how()).isEqualTo("job number");
    }

    @Test
    void leavesTheChoiceToStaffWhenNothingOrTooMuchMatches() {
        assertThat(ReplyMatcher.match(List.of(a, b), "reply.xml", "Re: your request")).isEmpty();
        assertThat(ReplyMatcher.match(List.of(a, b), "Encrypt_681619114_123456789.xml", null)).isEmpty();
        assertThat(ReplyMatcher.match(List.of(a, b), "Encrypt_6816191145_o2.xml", null)).isEmpty();
        assertThat(ReplyMatcher.match(List.of(a, b), "x.xml", "RD-000999 and RD-0001234")).isEmpty();
    }
}
