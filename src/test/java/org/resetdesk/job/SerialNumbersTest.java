package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerialNumbersTest {
    @Test
    void caseAndSpacesDoNotMatter() {
        assertThat(SerialNumbers.mismatch(" ds-7608ni-e2/8p0820160211aawr 123456789 wcvu",
                "DS-7608NI-E2/8P0820160211AAWR123456789WCVU")).isEmpty();
    }

    @Test
    void namesTheShortSerialWhenThatDiffers() {
        assertThat(SerialNumbers.mismatch("DS-7608NI-E2/8P0820160211AAWR123456780WCVU",
                "DS-7608NI-E2/8P0820160211AAWR123456789WCVU"))
                .hasValueSatisfying(s -> assertThat(s).contains("9-character serial").contains("123456780"));
    }

    @Test
    void namesTheModelOrDateWhenThoseDiffer() {
        assertThat(SerialNumbers.mismatch("DS-7604NI-E2/8P0820160211AAWR123456789WCVU",
                "DS-7608NI-E2/8P0820160211AAWR123456789WCVU")).hasValueSatisfying(s -> assertThat(s).contains("model"));
        assertThat(SerialNumbers.mismatch("DS-2CD2385G1-I20200415AAWRE33842150",
                "DS-2CD2385G1-I20200414AAWRE33842150"))
                .hasValueSatisfying(s -> assertThat(s).contains("production date"));
    }

    @Test
    void shortSerialOfTheReferenceExample() {
        assertThat(SerialNumbers.shortSerial("DS-2CD2622FWD-IZS20180312BBWR681619114")).hasValue("681619114");
        assertThat(SerialNumbers.shortSerial("DS-7608NI-E2/8P0820160211AAWR123456789WCVU")).hasValue("123456789");
    }
}
