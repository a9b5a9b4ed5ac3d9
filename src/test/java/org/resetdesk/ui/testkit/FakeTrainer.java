package org.resetdesk.ui.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.resetdesk.ui.TrainerControls;

/** Trainer controls over the fake recorder: support answers with a key, or (when asked) a file in the hand-off folder. */
public final class FakeTrainer implements TrainerControls {
    private final FakeRecorderLink recorder;
    private final ShiftedClock clock;
    private final Path handoff;
    private volatile boolean replyAsFile;

    public FakeTrainer(FakeRecorderLink recorder, ShiftedClock clock, Path handoff) {
        this.recorder = recorder;
        this.clock = clock;
        this.handoff = handoff;
    }

    public void replyAsFile(boolean file) {
        replyAsFile = file;
    }

    @Override
    public void powerCut() {
        recorder.powerCut();
    }

    @Override
    public void powerOn() {
        recorder.powerOn();
    }

    @Override
    public void reboot() {
        recorder.reboot();
    }

    @Override
    public void changeIp() {
        recorder.changeIp();
    }

    @Override
    public void clockJump(int hours) {
        clock.jump(Duration.ofHours(hours));
    }

    @Override
    public SupportReply supportReplyArrives(String jobId) {
        if (!replyAsFile) {
            return new SupportReply(null, recorder.supportKey());
        }
        try {
            Files.createDirectories(handoff);
            Path p = handoff.resolve("reply-" + jobId + ".xml");
            Files.writeString(p, recorder.supportReplyFile(), StandardCharsets.UTF_8);
            return new SupportReply(p, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
