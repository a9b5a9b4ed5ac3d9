package org.resetdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units pass {@code systemd-analyze verify} (with their programs stubbed, since xinit, cage and the
 * installed launcher are not on a build machine), and the kiosk session keeps the properties that make it a kiosk.
 */
class UnitFilesTest {
    private static final List<String> UNITS = List.of("resetdesk-kiosk.service", "resetdesk-kiosk-cage.service",
            "resetdesk-backup.service", "resetdesk-backup.timer");

    @TempDir
    Path dir;

    @Test
    void unitsVerifyCleanly() throws IOException {
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String unit : UNITS) {
            String text = Files.readString(Script.packaging("systemd/" + unit), StandardCharsets.UTF_8);
            Path copy = dir.resolve(unit);
            Files.writeString(copy, text.replaceAll("(?m)^ExecStart=\\S+", "ExecStart=/bin/true"));
            cmd.add(copy.toString());
        }
        Script.Result r = Script.run(dir, cmd);
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out() + r.err()).doesNotContainIgnoringCase("unknown").doesNotContainIgnoringCase("invalid")
                .doesNotContainIgnoringCase("ignoring");
    }

    @Test
    void bothKioskSessionsOwnTty1AndComeBack() throws IOException {
        for (String unit : List.of("resetdesk-kiosk.service", "resetdesk-kiosk-cage.service")) {
            List<String> lines = Files.readAllLines(Script.packaging("systemd/" + unit), StandardCharsets.UTF_8);
            assertThat(lines).as(unit).contains("Restart=always", "User=resetdesk", "TTYPath=/dev/tty1",
                    "PAMName=login", "StartLimitIntervalSec=0", "Alias=display-manager.service");
            assertThat(lines).as(unit).anyMatch(l -> l.startsWith("Conflicts=") && l.contains("getty@tty1.service"));
            assertThat(lines).as(unit).anyMatch(l -> l.startsWith("ExecStart=")
                    && l.contains("/usr/lib/resetdesk/kiosk-session"));
        }
        String xorg = Files.readString(Script.packaging("x11/50-resetdesk-kiosk.conf"), StandardCharsets.UTF_8);
        assertThat(xorg).contains("Option \"DontVTSwitch\" \"true\"").contains("Option \"DontZap\" \"true\"");
    }

    @Test
    void theBackupRunsTheStoreCommandNightlyAndCatchesUp() throws IOException {
        List<String> service = Files.readAllLines(Script.packaging("systemd/resetdesk-backup.service"));
        assertThat(service).contains("ExecStart=/usr/bin/resetdesk db backup --keep ${BACKUP_KEEP}", "User=resetdesk",
                "Type=oneshot");
        List<String> timer = Files.readAllLines(Script.packaging("systemd/resetdesk-backup.timer"));
        assertThat(timer).contains("Persistent=true").anyMatch(l -> l.startsWith("OnCalendar="));
    }
}
