package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.cli.Commands;
import org.resetdesk.testsupport.Captured;

/** {@code job open --photo}: through Main's wiring onto a real H2 store and the job's file folder. */
class JobOpenPhotoCliTest {
    @TempDir
    Path dir;

    private static Captured.Run run(String stdin, String... args) {
        return Captured.run(stdin, () -> {
            Main.wire();
            return Commands.run(args);
        });
    }

    @Test
    void theLabelPhotoIsKeptWithTheJobAndAFakeIsRefused() throws Exception {
        String db = dir.resolve("db/kiosk").toString();
        String data = dir.resolve("data").toString();
        assertThat(run("4862\n", "--db", db, "staff", "add", "--id", "ann", "--name", "Ann", "--pin-stdin").exit())
                .isZero();
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 'E', 'x', 'i', 'f'};
        Path label = Files.write(dir.resolve("IMG_2041.JPG"), jpeg);
        Path fake = Files.writeString(dir.resolve("proof.png"), "<html>not a picture</html>");
        String[] open = {"--db", db, "--data-dir", data, "job", "open", "--staff", "ann", "--customer", "Eva Example",
                "--contact", "+49 30 1", "--ownership", "invoice:INV-7", "--label-serial", "DS-7608NI-K20820190101",
                "--consent", "--photo", label.toString()};
        Captured.Run ok = run("", open);
        assertThat(ok.exit()).as(ok.err()).isZero();
        String id = ok.out().strip();
        assertThat(dir.resolve("data/jobs/" + id + "/label.jpg")).hasBinaryContent(jpeg);

        String[] bad = open.clone();
        bad[bad.length - 1] = fake.toString();
        Captured.Run refused = run("", bad);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("not a JPEG or PNG picture");
    }
}
