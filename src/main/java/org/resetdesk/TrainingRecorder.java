package org.resetdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;
import org.resetdesk.recorder.Profile;
import org.resetdesk.recorder.RecorderConfig;
import org.resetdesk.recorder.RecorderRuntime;
import org.resetdesk.recorder.SupportDesk;
import org.resetdesk.recorder.VirtualRecorder;
import org.resetdesk.recorder.isapi.IsapiAddOn;
import org.resetdesk.ui.TrainerControls;

/**
 * The training station's recorder: a virtual NVR in this process on loopback (its own SADP port and ISAPI server),
 * and the trainer panel's faults over it. The training support desk answers exported requests into the hand-off
 * folder, as vendor support would by e-mail.
 */
final class TrainingRecorder implements TrainerControls, AutoCloseable {
    private final RecorderRuntime runtime;
    private final ShiftableClock clock;
    private final JobRepository jobs;
    private final Path dataDir;
    private final Path handoff;
    private int ipStep;

    private TrainingRecorder(RecorderRuntime runtime, ShiftableClock clock, JobRepository jobs, Path dataDir,
                             Path handoff) {
        this.runtime = runtime;
        this.clock = clock;
        this.jobs = jobs;
        this.dataDir = dataDir;
        this.handoff = handoff;
    }

    static TrainingRecorder start(ShiftableClock clock, JobRepository jobs, Path dataDir, Path handoff)
            throws IOException {
        RecorderRuntime rt = RecorderRuntime.start(RecorderConfig.training(Profile.NVR), "lo", 0, null);
        try {
            rt.attach(new IsapiAddOn(InetAddress.getLoopbackAddress()).start(rt.recorder(), 0, null));
        } catch (Exception e) {
            rt.close();
            throw new IOException("the training recorder's ISAPI server did not start: " + e.getMessage(), e);
        }
        return new TrainingRecorder(rt, clock, jobs, dataDir, handoff);
    }

    int sadpPort() {
        return runtime.sadpPort();
    }

    VirtualRecorder recorder() {
        return runtime.recorder();
    }

    @Override
    public void powerCut() {
        runtime.recorder().powerOff();
    }

    @Override
    public void powerOn() {
        runtime.recorder().powerOn(runtime.recorder().defaultDownTime());
    }

    @Override
    public void reboot() {
        runtime.recorder().reboot(runtime.recorder().defaultDownTime());
    }

    @Override
    public void changeIp() {
        ipStep++;
        runtime.recorder().setIp("192.168.1." + (64 + ipStep) + "/24", "192.168.1.1");
    }

    @Override
    public void clockJump(int hours) {
        clock.shift(Duration.ofHours(hours));
        runtime.recorder().advanceClock(Duration.ofHours(hours));
    }

    @Override
    public SupportReply supportReplyArrives(String jobId) {
        List<JobEvent> exports = jobs.events(jobId).stream().filter(e -> e.type().equals("export.written")).toList();
        if (exports.isEmpty()) {
            throw new IllegalStateException("job " + jobId + " has no exported request yet");
        }
        String name = exports.get(exports.size() - 1).detail().split(" ")[0];
        try {
            byte[] request = Files.readAllBytes(dataDir.resolve("jobs").resolve(jobId).resolve(name));
            SupportDesk.Answer a = SupportDesk.answer(request);
            Files.createDirectories(handoff);
            Path reply = handoff.resolve(a.suggestedFileName());
            Files.write(reply, a.replyFile());
            return new SupportReply(reply, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SupportDesk.Refused e) {
            throw new IllegalStateException("the training support desk refused: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
