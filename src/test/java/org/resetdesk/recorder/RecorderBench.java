package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resetdesk.sadp.SadpCodec;

/** Figures, not assertions: how fast the virtual recorder answers (run with {@code mvn -Pbench verify}). */
@Tag("bench")
class RecorderBench {
    @Test
    void inquiryRoundTripOnLoopbackAndEngineThroughput() throws Exception {
        try (RecorderRuntime rt = Recorders.start(Profile.NVR); SadpTestClient c = Recorders.client(rt)) {
            for (int i = 0; i < 50; i++) {
                c.inquiry();
            }
            int n = 500;
            long[] micros = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                c.inquiry();
                micros[i] = (System.nanoTime() - t0) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("BENCH recorder.inquiryRoundTrip (loopback UDP, n=%d): median %.3f ms, p95 %.3f ms%n",
                    n, micros[n / 2] / 1000.0, micros[n * 95 / 100] / 1000.0);

            VirtualRecorder r = rt.recorder();
            byte[] probe = SadpCodec.probe("BENCH", null, "inquiry", List.of());
            int count = 20_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                assertThat(r.handle(probe)).isPresent();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH recorder.engineInquiries: %.0f replies/s (n=%d)%n", count / seconds, count);
        }
    }
}
