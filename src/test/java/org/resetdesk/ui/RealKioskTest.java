package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.KioskStarter;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;
import org.resetdesk.recorder.RecorderSnapshot;

/**
 * The real composition from PIN to Done: H2 in a temp dir, the in-process virtual recorder on loopback (its own SADP
 * port and ISAPI server), the real SADP client, aftercare over real ISAPI, the folder hand-off and the hand-back
 * receipt PDF. Only the support desk's answer is produced by the training support desk instead of a person.
 */
@Tag("gui")
class RealKioskTest {
    static final String PASSWORD = "Blue-Heron.48";
    @TempDir
    Path dir;

    @Test
    void trainingStationFromPinThroughAftercareToTheHandBackReceipt() throws Exception {
        Path file = Files.writeString(dir.resolve("kiosk.properties"), """
                locale = en
                shop.country = Germany
                support.requester.name = Jonas Weber
                support.requester.email = service@example.org
                support.requester.phone = +49 30 5550100
                """);
        KioskConfig.registerKeys(org.resetdesk.support.SupportSettings.EXTRA_KEYS); // as Main does
        KioskConfig config = KioskConfig.load(file, true, Map.of(), dir.resolve("training"));
        KioskStarter.Composition c = KioskStarter.compose(config);
        assertThat(c.closeables()).as("the station purges old personal data by itself")
                .anyMatch(x -> x instanceof org.resetdesk.store.RetentionSchedule);
        try (KioskDriver k = new KioskDriver(c.context(), c)) {
            k.waitForScreen("attract");
            k.window.robot().click(k.frame.getContentPane());
            k.waitForScreen("signin");
            assertThat(k.labelText("signin.trainingHint")).contains("Trainee PIN 1111")
                    .contains("Training manager PIN 2222");
            k.pickAndTypePin("signin", "trainee", "1111");
            k.click("signin.ok");
            k.waitForScreen("board");
            k.click("board.newJob");
            k.waitForScreen("customer");
            k.type("customer.name", "Erika Muster");
            k.type("customer.contact", "+49 170 5550123");
            k.type("customer.serial", c.recorder().serial());
            k.toggle("customer.kind.RECEIPT");
            k.type("customer.ownershipRef", "Bon 2291-77");
            k.toggle("customer.consent");
            k.click("customer.next");
            k.waitForScreen("connect");
            k.waitUntil(() -> k.labelText("connect.verdict").equals(Messages.get("connect.match")));
            k.click("connect.next");
            k.waitForScreen("recorder");
            k.click("recorder.next");
            k.waitForScreen("export");
            k.click("export.run");
            k.waitUntil(() -> k.showing("export.sent"));
            k.waitUntil(() -> k.showing("export.send.folder"));
            Path handoff = config.handoffFolder();
            long before = count(handoff);
            k.click("export.send.folder");
            k.waitUntil(() -> k.showing("export.whereBought"));
            assertThat(count(handoff)).as("the first press only opens the support form").isEqualTo(before);
            k.shot("19-export-send");
            k.type("export.whereBought", "Fernseh Kaiser, Berlin");
            k.type("export.channel", "shop");
            assertThat(k.window.textBox("export.deviceDate").text()).as("today, for staff to confirm").isNotBlank();
            k.click("export.send.folder");
            k.waitUntil(() -> !"waiting".equals(k.screen()) && !k.labelText("export.paperResult").isBlank()
                    || "waiting".equals(k.screen()));
            assertThat(k.screen()).as(k.labelText("export.paperResult")).isEqualTo("waiting");
            assertThat(count(handoff)).as("the support packet is in the hand-off folder").isGreaterThan(before);
            Job job = c.context().jobs().openJobs().join().get(0);
            assertThat(job.state()).isEqualTo(JobState.AWAITING_REPLY);
            assertThat(events(c, job)).anyMatch(e -> e.type().equals("handoff.sent") && e.detail().startsWith("folder"));

            k.click("waiting.receipt");
            k.shot("19a-waiting");
            k.waitUntil(() -> !k.labelText("waiting.paperResult").isBlank());
            assertThat(k.labelText("waiting.paperResult")).contains(job.id() + "-intake.pdf");
            assertThat(config.dataDir().resolve("receipts").resolve(job.id() + "-intake.pdf")).isNotEmptyFile();
            k.shot("19b-waiting-intake");
            TrainerControls.SupportReply reply = c.context().trainer().supportReplyArrives(job.id());
            k.click("waiting.import");
            k.waitForScreen("import");
            k.toggle("import.file." + reply.file().getFileName());
            k.click("import.next");
            KioskFlowTest.typePassword(k, PASSWORD);
            k.click("password.set");
            k.waitForScreen("done");
            assertThat(k.labelText("done.resultText")).isEqualTo(Messages.get("done.success"));

            k.click("done.aftercare");
            k.waitForScreen("aftercare");
            k.shot("20-aftercare-empty");
            assertThat(k.window.checkBox("aftercare.overwrite").target().isSelected()).isTrue();
            assertThat(k.window.checkBox("aftercare.unbind").target().isSelected()).isTrue();
            RecorderSnapshot start = c.recorder().snapshot();
            assertThat(start.loopEnable()).isFalse();
            assertThat(start.hikConnectBound()).isTrue();
            // a wrong password stops the run at the login and says how many tries are left
            k.type("aftercare.password", "Wrong-Heron.48");
            k.click("aftercare.run");
            k.waitUntil(() -> k.labelText("aftercare.problem").contains("tries left"));
            assertThat(k.labelText("aftercare.row.verified")).contains("Not accepted");
            assertThat(c.recorder().snapshot().loopEnable()).as("nothing changed after a wrong password").isFalse();
            k.type("aftercare.password", PASSWORD);
            k.click("aftercare.run");
            k.waitUntil(() -> k.showing("aftercare.row.overwrite"));
            assertThat(k.labelText("aftercare.row.verified")).contains("accepts the new password");
            assertThat(k.labelText("aftercare.row.identity")).contains(c.recorder().serial());
            assertThat(k.labelText("aftercare.row.overwrite")).isEqualTo(Ui.html("Was off, now on"));
            assertThat(k.labelText("aftercare.row.cloud")).isEqualTo(Ui.html("Was bound to an account, now not bound"));
            assertThat(k.labelText("aftercare.problem").trim()).isEmpty();
            RecorderSnapshot after = c.recorder().snapshot();
            assertThat(after.loopEnable()).as("overwrite turned on").isTrue();
            assertThat(after.hikConnectBound()).as("Hik-Connect unbound").isFalse();
            assertThat(k.onEdt(() -> ((javax.swing.JPasswordField) Ui.find(k.frame.getRootPane(),
                    "aftercare.password")).getPassword().length)).as("the password field is wiped").isZero();
            k.shot("21-aftercare");
            Job cared = c.context().jobs().find(job.id()).join();
            assertThat(cared.state()).isEqualTo(JobState.AFTERCARE);
            assertThat(events(c, job)).extracting(JobEvent::type).contains("aftercare.verify", "aftercare.overwrite");

            k.click("aftercare.next");
            k.waitForScreen("done");
            assertThat(k.labelText("done.aftercareState")).contains("password proven");
            k.click("done.receipt");
            k.waitUntil(() -> k.labelText("done.paperResult").contains(".pdf"));
            Path pdf = config.dataDir().resolve("receipts").resolve(job.id() + "-handback.pdf");
            assertThat(pdf).exists();
            String text;
            try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(d);
            }
            assertThat(text).contains(job.id()).doesNotContain(PASSWORD);
            k.shot("22-done-aftercare");
            assertThat(events(c, job)).extracting(e -> String.valueOf(e.detail()))
                    .noneMatch(d -> d.contains(PASSWORD) || d.contains("Wrong-Heron"));
            k.click("done.close");
            k.waitForScreen("board");
            assertThat(c.context().jobs().find(job.id()).join().state()).isEqualTo(JobState.CLOSED);
        }
    }

    private static List<JobEvent> events(KioskStarter.Composition c, Job job) {
        return c.context().jobs().events(job.id()).join();
    }

    private static long count(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    private static Locale previous;

    @org.junit.jupiter.api.BeforeAll
    static void english() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreLocale() {
        Locale.setDefault(previous);
    }
}
