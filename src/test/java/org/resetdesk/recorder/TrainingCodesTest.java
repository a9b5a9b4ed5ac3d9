package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training desk's scheme: markers, signatures, one reply per challenge; the desk refuses real devices. */
class TrainingCodesTest {
    private static final String MAC = "c0-56-e3-12-34-56";

    private static byte[] challenge(Random r) {
        byte[] b = new byte[16];
        r.nextBytes(b);
        return b;
    }

    @Test
    void everyExportKindIsReadBackAndAnswered() throws Exception {
        Random rnd = new Random(7);
        for (TrainingCodes.Kind kind : TrainingCodes.Kind.values()) {
            byte[] ch = challenge(rnd);
            String text = TrainingCodes.exportText(kind, MAC, "J12345678", ch, 1_700_000_000L);
            SupportDesk.Answer a = SupportDesk.answer(("\r\n" + text + "\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(a.mac()).isEqualTo(MAC);
            assertThat(a.serial9()).isEqualTo("J12345678");
            assertThat(a.exportKind()).isEqualTo(kind.name());
            assertThat(a.suggestedFileName()).isEqualTo("Encrypt_J12345678_o2.xml");
            assertThat(a.key()).matches("[A-HJ-NP-Z2-9]{8}");
            TrainingCodes.Request req = new TrainingCodes.Request(kind, MAC, "J12345678", ch, 1_700_000_000L);
            assertThat(TrainingCodes.accepts(req, new String(a.replyFile(), StandardCharsets.US_ASCII))).isTrue();
            assertThat(TrainingCodes.accepts(req, a.key().substring(0, 4) + "-" + a.key().substring(4).toLowerCase()))
                    .isTrue();
        }
        String code = TrainingCodes.exportText(TrainingCodes.Kind.ENCRYPT_STRING, MAC, "J12345678", challenge(rnd), 1);
        assertThat(code.length()).isLessThanOrEqualTo(256);
        String device = TrainingCodes.exportText(TrainingCodes.Kind.DEVICE_CODE, MAC, "J12345678", challenge(rnd), 1);
        assertThat(device.length()).isLessThanOrEqualTo(128);
    }

    @Test
    void repliesFitOnlyTheirOwnChallenge() {
        Random rnd = new Random(42);
        for (int i = 0; i < 300; i++) {
            TrainingCodes.Request a = new TrainingCodes.Request(TrainingCodes.Kind.ENCRYPT_STRING, MAC, "J12345678",
                    challenge(rnd), 1_700_000_000L + i);
            TrainingCodes.Request b = new TrainingCodes.Request(TrainingCodes.Kind.ENCRYPT_STRING, MAC, "J12345678",
                    challenge(rnd), 1_700_000_000L + i);
            assertThat(TrainingCodes.accepts(b, TrainingCodes.key(a))).isFalse();
            assertThat(TrainingCodes.accepts(b, new String(TrainingCodes.replyFile(a), StandardCharsets.US_ASCII)))
                    .isFalse();
            assertThat(TrainingCodes.accepts(a, null)).isFalse();
        }
    }

    @Test
    void deskRefusesWhatDidNotComeFromAVirtualRecorder() {
        // a real device code (HK-OLD example in sadp-protocol.md §5.1)
        assertRefused("AwAAADU1ODM4MDEyNB+ZYT8=");
        // random base64 of the size of a real encrypted string
        byte[] noise = new byte[180];
        new Random(3).nextBytes(noise);
        assertRefused(Base64.getEncoder().encodeToString(noise));
        assertRefused("<?xml version=\"1.0\"?><EncryptString>abc</EncryptString>");
        assertRefused("");
        assertThatThrownBy(() -> SupportDesk.answer(new byte[SupportDesk.MAX_REQUEST + 1]))
                .isInstanceOf(SupportDesk.Refused.class);
    }

    @Test
    void deskRefusesAForgedOrAlteredTrainingRequest() {
        byte[] body = TrainingCodes.body(TrainingCodes.Kind.ENCRYPT_STRING, MAC, "J12345678", new byte[16], 5);
        body[30] ^= 1; // another challenge, same tag
        assertRefused(Base64.getEncoder().encodeToString(body));
        byte[] forged = TrainingCodes.body(TrainingCodes.Kind.ENCRYPT_STRING, MAC, "J12345678", new byte[16], 5);
        System.arraycopy(new byte[16], 0, forged, TrainingCodes.BODY, 16); // marker present, no valid signature
        assertRefused(Base64.getEncoder().encodeToString(forged));
    }

    private static void assertRefused(String request) {
        assertThatThrownBy(() -> SupportDesk.answer(request.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SupportDesk.Refused.class);
    }
}
