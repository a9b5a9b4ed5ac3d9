package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.Job;
import org.resetdesk.job.SupportPacket;

class FolderHandOffTest {
    @TempDir
    Path dir;

    private final RecordingEvents events = new RecordingEvents();

    private SupportPacket packet() {
        var s = SupportSettings.fromProperties(TestJobs.baseProperties());
        Job job = TestJobs.exported("RD-001001");
        return new SupportPacketBuilder(ZoneId.of("UTC")).build(job,
                "<r>opaque</r>".getBytes(StandardCharsets.US_ASCII), TestJobs.form(s, job), null);
    }

    @Test
    void writesEveryFileAndNeverOverwrites() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("usb"));
        SupportPacket p = packet();
        var handOff = new FolderHandOff(usb, events, Clock.systemUTC());
        HandOff.Receipt first = handOff.send(p);
        HandOff.Receipt second = handOff.send(p);
        assertThat(first.status()).isEqualTo(HandOff.Status.DELIVERED);
        assertThat(first.messageId()).isNotEqualTo(second.messageId());
        String req = p.part(SupportPacket.Kind.REQUEST).orElseThrow().fileName();
        assertThat(Files.readAllBytes(usb.resolve(req))).isEqualTo("<r>opaque</r>".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.exists(usb.resolve(req.replace(".xml", "-1.xml")))).isTrue();
        try (Stream<Path> files = Files.list(usb)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(6).noneMatch(n -> n.startsWith(".tmp"));
        }
        assertThat(events.ofType(SupportEvents.HANDOFF_DELIVERED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).contains("3 files"));
    }

    @Test
    void aMissingStickIsAClearRefusal() {
        var handOff = new FolderHandOff(dir.resolve("not-mounted"), events, Clock.systemUTC());
        assertThatThrownBy(() -> handOff.send(packet())).isInstanceOf(HandOff.HandOffFailed.class)
                .hasMessageContaining("USB stick");
        assertThat(events.events).isEmpty();
    }
}
