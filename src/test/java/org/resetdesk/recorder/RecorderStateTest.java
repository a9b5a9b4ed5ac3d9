package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.SerialNumbers;

class RecorderStateTest {
    @TempDir
    Path dir;

    @Test
    void savesAtomicallyAndLoadsEverythingBack() throws IOException {
        RecorderState s = RecorderState.fresh(Profile.NVR, new SecureRandom());
        s.passwordHash = PasswordHashes.hash("Counter7Reset".toCharArray());
        s.passwordChangedAt = Instant.parse("2026-01-02T03:04:05Z");
        s.loopEnable = true;
        s.clockOffsetMs = -7200_000;
        Path file = dir.resolve(RecorderState.FILE_NAME);
        s.save(file);
        s.save(file);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain("Counter7Reset").doesNotContain("rex");
        RecorderState back = RecorderState.load(file);
        assertThat(back.serial).isEqualTo(s.serial);
        assertThat(back.mac).isEqualTo(s.mac);
        assertThat(back.guid).isEqualTo(s.guid);
        assertThat(back.questions).hasSize(3);
        assertThat(back.reservedEmail).isEqualTo(RecorderState.TRAINING_MAILBOX);
        assertThat(back.hikConnectBound).isTrue();
        assertThat(back.loopEnable).isTrue();
        assertThat(back.clockOffsetMs).isEqualTo(-7200_000);
        assertThat(back.passwordChangedAt).isEqualTo(s.passwordChangedAt);
        assertThat(PasswordHashes.matches("Counter7Reset".toCharArray(), back.passwordHash)).isTrue();
        assertThat(PasswordHashes.matches("Counter7Rese".toCharArray(), back.passwordHash)).isFalse();
    }

    @Test
    void damagedStateIsATypedError() throws IOException {
        Path file = dir.resolve(RecorderState.FILE_NAME);
        Files.writeString(file, "profile=nvr\nserial=X\n");
        assertThatThrownBy(() -> RecorderState.load(file)).isInstanceOf(IOException.class).hasMessageContaining("missing");
        Files.writeString(file, "profile=toaster\n");
        assertThatThrownBy(() -> RecorderState.load(file)).isInstanceOf(IOException.class).hasMessageContaining("toaster");
    }

    @Test
    void serialLayoutsFollowTheLabelLayout() {
        SecureRandom r = new SecureRandom();
        for (Profile p : Profile.values()) {
            String sn = RecorderState.newSerial(p, r);
            assertThat(sn).startsWith(p.model());
            assertThat(SerialNumbers.shortSerial(sn)).as(sn).isPresent();
        }
        assertThat(RecorderState.newSerial(Profile.DVR, r)).matches("DS-7208HQHI-K108\\d{8}AAWR[A-Z0-9]{9}WCVU");
        assertThat(RecorderState.fresh(Profile.CAMERA, r).mac).matches("([0-9a-f]{2}-){5}[0-9a-f]{2}");
    }

    @Test
    void openRefusesAStateDirOfAnotherProfile() throws IOException {
        VirtualRecorder.open(RecorderConfig.training(Profile.DVR).withStateDir(dir)).close();
        assertThatThrownBy(() -> VirtualRecorder.open(RecorderConfig.training(Profile.NVR).withStateDir(dir)))
                .isInstanceOf(IOException.class).hasMessageContaining("holds a dvr recorder");
        try (VirtualRecorder again = VirtualRecorder.open(new RecorderConfig(null, dir, null, null, null, null, 80,
                java.time.Duration.ZERO, java.time.Clock.systemUTC()))) {
            assertThat(again.profile()).isEqualTo(Profile.DVR);
        }
    }
}
