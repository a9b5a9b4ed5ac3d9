package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors from sadp-protocol.md §5.3 (HT crypto_test.go, recomputed by the reference's author). */
class LegacySecurityCodeTest {
    @ParameterizedTest
    @CsvSource(value = {"0123456789|20231215|RRRrdy9yRd", "''|''|Q", "ABC|20240101|RQd9qSerQz",
        "DS-2CD2432F-IW20150126CCCH502126167|20160306|RRSdRderd9", "20150126CCCH502126167|20160306|qdzq9qQq9S"},
            delimiter = '|')
    void referenceVectors(String serial, String date, String code) {
        assertThat(LegacySecurityCode.generate(serial, date)).isEqualTo(code);
    }
}
