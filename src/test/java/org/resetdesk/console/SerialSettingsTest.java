package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialSettingsTest {

    @Test
    void defaultsAre115200EightNOneWithoutFlowControl() {
        SerialSettings s = SerialSettings.defaults("/dev/ttyUSB0");
        assertThat(s.baud()).isEqualTo(115200);
        assertThat(s.dataBits()).isEqualTo(8);
        assertThat(s.parity()).isEqualTo(SerialSettings.Parity.NONE);
        assertThat(s.stopBits()).isEqualTo(SerialSettings.StopBits.ONE);
        assertThat(s.flowControl()).isFalse();
        assertThat(s.describe()).isEqualTo("115200 8N1");
        assertThat(s.withBaud(9600).withFrame(7, SerialSettings.Parity.EVEN, SerialSettings.StopBits.TWO)
                .withFlowControl(true).describe()).isEqualTo("9600 7E2 RTS/CTS");
    }

    @Test
    void nonsenseIsRefusedWithAClearMessage() {
        SerialSettings s = SerialSettings.defaults("/dev/ttyUSB0");
        assertThatThrownBy(() -> s.withBaud(0)).hasMessageContaining("baud");
        assertThatThrownBy(() -> s.withFrame(9, SerialSettings.Parity.NONE, SerialSettings.StopBits.ONE))
                .hasMessageContaining("data bits");
        assertThatThrownBy(() -> s.withRetry(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoff");
        assertThatThrownBy(() -> SerialSettings.defaults(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SerialSettings.defaults("/dev/tty\0USB0")).hasMessageContaining("not a valid");
    }
}
