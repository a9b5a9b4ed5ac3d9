package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplyCheckTest {
    private final ReplyCheck check = new ReplyCheck(ReplyCheck.DEFAULT_MAX_BYTES);

    private ReplyCheck.Verdict of(String s) {
        return check.check(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheShapesSupportSends() {
        assertThat(of("<?xml version=\"1.0\"?><ResetCode><Code>QUJD</Code></ResetCode>\r\n").shape())
                .isEqualTo(ReplyCheck.Shape.XML);
        assertThat(of("\uFEFF<Code>QUJD</Code>").shape()).isEqualTo(ReplyCheck.Shape.XML);
        assertThat(of("Ab3dE9xZ\n").shape()).isEqualTo(ReplyCheck.Shape.KEY);
        assertThat(of("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIzNDU2Nzg5MA==").shape())
                .isEqualTo(ReplyCheck.Shape.ENCODED);
    }

    @Test
    void refusesWhatIsNotAReply() {
        assertThat(of("").problem()).contains("empty");
        assertThat(of("Dear customer, please find the key below").problem()).contains("neither");
        assertThat(of("<html><body>Login</body></html>").problem()).contains("web page");
        assertThat(of("<Code>unclosed").problem()).contains("not well-formed");
        assertThat(of("abc\u0000def").problem()).contains("binary");
        assertThat(check.check(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}).problem())
                .contains("not text");
        assertThat(check.check(("<a>" + "x".repeat(70_000) + "</a>").getBytes(StandardCharsets.UTF_8)).problem())
                .contains("larger than 65536");
    }

    @Test
    void refusesExternalEntitiesWithoutFetchingThem() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThat(of(xxe).ok()).isFalse();
        assertThat(of(xxe).problem()).doesNotContain("root:");
    }

    @Test
    void randomBinaryIsNeverAccepted() {
        Random rnd = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[1 + rnd.nextInt(2000)];
            rnd.nextBytes(b);
            b[rnd.nextInt(b.length)] = 0; // binary files have NULs or invalid UTF-8
            assertThat(check.check(b).ok()).as("sample %d", i).isFalse();
        }
    }
}
