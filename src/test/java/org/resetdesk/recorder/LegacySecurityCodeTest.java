package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Vectors published with the algorithm (sadp-protocol.md §5.3, recomputed there from two independent sources). */
class LegacySecurityCodeTest {
    @Test
    void publishedVectors() {
        assertThat(LegacySecurityCode.code("0123456789", LocalDate.of(2023, 12, 15))).isEqualTo("RRRrdy9yRd");
        assertThat(LegacySecurityCode.code("")).isEqualTo("Q");
        assertThat(LegacySecurityCode.code("ABC", LocalDate.of(2024, 1, 1))).isEqualTo("RQd9qSerQz");
    }

    @Test
    void captureVectorOneWithAndWithoutTheModel() {
        LocalDate boot = LocalDate.of(2016, 3, 6);
        assertThat(LegacySecurityCode.code("DS-2CD2432F-IW20150126CCCH502126167", boot)).isEqualTo("RRSdRderd9");
        assertThat(LegacySecurityCode.code("20150126CCCH502126167", boot)).isEqualTo("qdzq9qQq9S");
    }

    @Test
    void theDateMatters() {
        String serial = "DS-2CD2432F-IW20150126CCCH502126167";
        assertThat(LegacySecurityCode.code(serial, LocalDate.of(2016, 3, 7)))
                .isNotEqualTo(LegacySecurityCode.code(serial, LocalDate.of(2016, 3, 6)));
    }
}
