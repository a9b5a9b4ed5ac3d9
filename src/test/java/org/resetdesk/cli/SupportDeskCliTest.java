package org.resetdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.recorder.Profile;
import org.resetdesk.recorder.RecorderConfig;
import org.resetdesk.recorder.VirtualRecorder;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpDocument;

/** {@code support-desk answer} on a request exported from a virtual recorder, and on one that is not. */
class SupportDeskCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Commands.build();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void answersAVirtualRecordersExportWithAFileOrAKey() throws Exception {
        try (VirtualRecorder r = VirtualRecorder.open(RecorderConfig.training(Profile.NVR))) {
            r.start();
            byte[] reply = r.handle(SadpCodec.probe("U", r.mac(), "getencryptstring", List.of())).orElseThrow();
            SadpDocument d = SadpCodec.decode(reply);
            Path request = dir.resolve("DeviceKey.xml");
            Files.writeString(request, d.get("EncryptString"), StandardCharsets.US_ASCII);

            Run key = run("support-desk", "answer", request.toString(), "--key");
            assertThat(key.exit()).isZero();
            assertThat(key.out().strip()).matches("[A-Z2-9]{8}");

            Path out = dir.resolve("Encrypt_reply.xml");
            Run file = run("support-desk", "answer", request.toString(), "--out", out.toString());
            assertThat(file.exit()).isZero();
            assertThat(file.out()).contains("\"mac\":\"" + r.mac() + "\"");
            assertThat(Files.size(out)).isPositive();
        }
    }

    @Test
    void refusesARealDevicesRequestWithExitOne() throws Exception {
        Path request = dir.resolve("real.xml");
        Files.writeString(request, "AwAAADU1ODM4MDEyNB+ZYT8=");
        Run run = run("support-desk", "answer", request.toString(), "--key");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("refused").contains("virtual recorder");
    }

    @Test
    void needsExactlyOneOutput() {
        assertThat(run("support-desk", "answer", "x.xml").exit()).isEqualTo(2);
        assertThat(run("support-desk", "answer", "x.xml", "--key", "--out", "y").exit()).isEqualTo(2);
    }
}
