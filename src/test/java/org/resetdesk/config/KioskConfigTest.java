package org.resetdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void noFileMeansTrainingWithThrowawayStorage() {
        KioskConfig c = KioskConfig.load(null, true, Map.of(), dir);
        assertThat(c.training()).isTrue();
        assertThat(c.dbPath()).isEqualTo(dir.resolve("db/resetdesk"));
        assertThat(c.sadpInterface()).isEqualTo("lo");
        assertThat(c.handoffFolder()).isEqualTo(dir.resolve("data/handoff"));
    }

    @Test
    void unknownKeysAndBadValuesAreAllNamed() throws Exception {
        Path f = write("sadp.interface=enp2s0\ndb.path=/tmp/x\ndata.dir=/tmp/d\nsmtp.prot=25\nretention.days=-3\n"
                + "receipt.width=58mm\nlocale=fr\n");
        assertThatThrownBy(() -> KioskConfig.load(f, false, Map.of(), dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smtp.prot: unknown key").hasMessageContaining("retention.days")
                .hasMessageContaining("receipt.width").hasMessageContaining("locale");
    }

    @Test
    void aRealStationNeedsItsDedicatedPort() throws Exception {
        Path f = write("db.path=/tmp/x\ndata.dir=/tmp/d\n");
        assertThatThrownBy(() -> KioskConfig.load(f, false, Map.of(), dir))
                .hasMessageContaining("sadp.interface: required");
    }

    @Test
    void environmentOverridesTheFile() throws Exception {
        Path f = write("sadp.interface=enp2s0\ndb.path=/tmp/x\ndata.dir=/tmp/d\nidle.lock-seconds=300\n");
        KioskConfig c = KioskConfig.load(f, false, Map.of("RESETDESK_IDLE_LOCK_SECONDS", "90"), dir);
        assertThat(c.training()).isFalse();
        assertThat(c.idleLockSeconds()).isEqualTo(90);
        assertThat(c.sadpInterface()).isEqualTo("enp2s0");
    }

    @Test
    void theExampleFileIsValidAndDocumentsEveryKey() throws Exception {
        Path example = Path.of("kiosk-config/kiosk.example.properties");
        KioskConfig.registerKeys(org.resetdesk.support.SupportSettings.EXTRA_KEYS); // as Main does
        String text = Files.readString(example);
        for (String k : KioskConfig.keys()) {
            assertThat(text).as("example documents " + k).contains(k + "=");
        }
        assertThat(KioskConfig.load(example, false, Map.of(), dir).training()).isFalse();
    }
}
