package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.cli.AftercareCommand;
import org.resetdesk.cli.CliContext;
import org.resetdesk.cli.CliSupport;
import org.resetdesk.cli.Commands;
import org.resetdesk.testsupport.Captured;
import org.resetdesk.cli.RootCommand;
import org.resetdesk.job.AftercareGuid;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.DirectProof;
import org.resetdesk.recorder.Profile;
import org.resetdesk.recorder.RecorderConfig;
import org.resetdesk.recorder.RecorderRuntime;
import org.resetdesk.recorder.SupportDesk;
import org.resetdesk.recorder.isapi.IsapiAddOn;
import org.resetdesk.sadp.SadpClient;
import org.resetdesk.testsupport.SecretScan;

/**
 * {@code job aftercare --export-guid} through the real command line as Main wires it: real H2 files, SADP to the
 * virtual recorder on loopback (its own free port), its ISAPI server on 127.0.0.1. The GUID file lands on the
 * "USB stick" folder only: the store, the data folder and the command output hold its hash, never its content.
 */
class JobAftercareGuidCliTest {
    private static final String PIN = "48151623";
    private static final String NEW_PASSWORD = "Counter7Reset!";
    private final Function<RootCommand, CliContext> savedFactory = CliSupport.contextFactory;
    private final AftercareCommand.RecorderOpener savedOpener = AftercareCommand.opener;

    @TempDir
    Path dir;
    @TempDir
    Path usb;

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            List<String> lines = out.strip().lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }
    }

    @AfterEach
    void restore() {
        CliSupport.contextFactory = savedFactory;
        AftercareCommand.opener = savedOpener;
    }

    private Run run(String stdin, String... args) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of("--config", dir.resolve("kiosk.properties").toString()));
        a.addAll(List.of(args));
        Captured.Run c = Captured.run(stdin, () -> Commands.run(a.toArray(String[]::new)));
        Run r = new Run(c.exit(), c.out(), c.err());
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(Files.createTempFile(logs, "run", ".log"), r.out + r.err);
        return r;
    }

    private Run ok(String stdin, String... args) throws Exception {
        Run r = run(stdin, args);
        assertThat(r.exit()).as("%s\n%s\n%s", List.of(args), r.out(), r.err()).isZero();
        return r;
    }

    @Test
    void exportsTheGuidToTheStickAfterVerifyingAndKeepsOnlyItsHash() throws Exception {
        RecorderConfig cfg = RecorderConfig.training(Profile.NVR).withDownTime(Duration.ofMillis(300));
        try (RecorderRuntime rt = RecorderRuntime.start(cfg, "lo", 0, 0)) {
            rt.attach(new IsapiAddOn(InetAddress.getLoopbackAddress()).start(rt.recorder(), 0, null));
            Files.writeString(dir.resolve("kiosk.properties"), "db.path=" + dir.resolve("db/kiosk") + "\n"
                    + "data.dir=" + dir.resolve("data") + "\nhandoff.folder=" + dir.resolve("handoff") + "\n"
                    + "sadp.interface=lo\nsadp.port=" + rt.sadpPort() + "\n");
            Main.wire();

            ok(PIN + "\n", "staff", "add", "--id", "anna", "--name", "Anna", "--pin-stdin");
            String serial;
            try (SadpClient c = new SadpClient("lo", rt.sadpPort(), Duration.ofSeconds(5))) {
                serial = c.poll(rt.recorder().mac(), Duration.ofSeconds(2)).orElseThrow().serial();
            }
            String id = ok("", "job", "open", "--staff", "anna", "--customer", "Max Muster", "--contact", "0170 1",
                    "--ownership", "invoice:INV-7", "--label-serial", serial, "--consent").out().strip();
            ok("", "job", "connect", id, "--timeout-ms", "2000");
            Path request = dir.resolve("handoff/request.xml");
            Files.createDirectories(request.getParent());
            ok("", "job", "export", id, "--out", request.toString());
            Path reply = dir.resolve("handoff/reply.xml");
            Files.write(reply, SupportDesk.answer(Files.readAllBytes(request)).replyFile());
            ok(NEW_PASSWORD + "\n", "job", "import", id, "--reply", reply.toString(), "--new-password-stdin");

            Path target = usb.resolve("DeviceGUID.xml");
            Run wrong = run("Wrong-Pass-1\n", "job", "aftercare", id, "--password-stdin", "--export-guid",
                    target.toString());
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(target).as("no GUID try without a verified password").doesNotExist();

            Run done = ok(NEW_PASSWORD + "\n", "job", "aftercare", id, "--password-stdin", "--export-guid",
                    target.toString());
            JsonNode j = done.json();
            byte[] guid = Files.readAllBytes(target);
            assertThat(guid).isEqualTo(rt.recorder().account().guidFile().orElseThrow());
            assertThat(j.get("verified").asBoolean()).isTrue();
            assertThat(j.get("guidResult").asText()).isEqualTo("SUCCESS");
            assertThat(j.get("guidFile").asText()).isEqualTo(target.toAbsolutePath().toString());
            assertThat(j.get("guidSha256").asText()).isEqualTo(AftercareGuid.sha256(guid));
            assertThat(j.get("guidBytes").asInt()).isEqualTo(guid.length);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
            Run events = ok("", "job", "events", id);
            assertThat(events.out()).contains("aftercare.guid").contains("sha256=" + AftercareGuid.sha256(guid));

            Run again = run(NEW_PASSWORD + "\n", "job", "aftercare", id, "--password-stdin", "--export-guid",
                    target.toString());
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("refusing to overwrite " + target);
            assertThat(Files.readAllBytes(target)).isEqualTo(guid);

            // the file the customer took home works: a later GUID reset with it sets a new password
            try (SadpClient c = new SadpClient("lo", rt.sadpPort(), Duration.ofSeconds(5))) {
                DeviceOutcome o = c.resetDirect(rt.recorder().mac(), DirectProof.guid(Files.readAllBytes(target)),
                        "Later8Reset!".toCharArray(), false);
                assertThat(o.kind()).as(o.toString()).isEqualTo(DeviceOutcome.Kind.SUCCESS);
            }

            char[] content = new String(guid, StandardCharsets.US_ASCII).toCharArray();
            SecretScan.assertAbsent(content, dir);
            SecretScan.assertAbsent(content.clone(), dir.resolve("db"));
            assertThat(SecretScan.find(content, usb)).as("the scan does find it where it belongs").isNotEmpty();
            SecretScan.assertAbsent(NEW_PASSWORD.toCharArray(), dir);
        }
    }
}
