package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.DeviceInfo;

class FirmwareAdviceTest {
    private static DeviceInfo device(String model, String fw) {
        return new DeviceInfo(model, "SN", "44-19-b6-12-34-56", "192.168.1.64", null, null, fw, null, true, Set.of(),
                null, null, null, null);
    }

    @Test
    void flagsOldCameraFirmwareAndTheLegacyRange() {
        assertThat(FirmwareAdvice.warning(device("DS-2CD2042WD-I", "V5.2.5 build 141201")))
                .contains("firmware.warn.legacy");
        assertThat(FirmwareAdvice.warning(device("DS-2CD2142FWD-I", "V5.4.0 build 160530")))
                .contains("firmware.warn.old");
        assertThat(FirmwareAdvice.warning(device("DS-2CD2143G0-I", "V5.5.0 build 170725"))).isEmpty();
        assertThat(FirmwareAdvice.warning(device("DS-2CD2143G2-I", "V5.7.3 build 220112"))).isEmpty();
    }

    @Test
    void flagsRecorderFirmwareBeforeV4() {
        assertThat(FirmwareAdvice.warning(device("DS-7608NI-E2", "V3.4.92 build 170228")))
                .contains("firmware.warn.legacy");
        assertThat(FirmwareAdvice.warning(device("DS-7608NI-K2", "V4.62.210 build 230302"))).isEmpty();
    }

    @Test
    void unknownOrMissingVersionsAreNotFlagged() {
        assertThat(FirmwareAdvice.warning(device("DS-7608NI-K2", null))).isEmpty();
        assertThat(FirmwareAdvice.warning(device("DS-7608NI-K2", "build unknown"))).isEmpty();
        assertThat(FirmwareAdvice.warning(null)).isEmpty();
        assertThat(FirmwareAdvice.warning(device(null, "V99.1"))).isEmpty();
    }
}
