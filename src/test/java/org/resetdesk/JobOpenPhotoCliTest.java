package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.cli.Commands;

/** {@code job open --photo}: through Main's wiring onto a real H2 store and the job's file folder. */
class JobOpenPhotoCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            Main.wire();
            return new Run(Commands.run(args), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
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
        Run ok = run("", open);
        assertThat(ok.exit()).as(ok.err()).isZero();
        String id = ok.out().strip();
        assertThat(dir.resolve("data/jobs/" + id + "/label.jpg")).hasBinaryContent(jpeg);

        String[] bad = open.clone();
        bad[bad.length - 1] = fake.toString();
        Run refused = run("", bad);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("not a JPEG or PNG picture");
    }
}
