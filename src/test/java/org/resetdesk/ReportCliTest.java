package org.resetdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetdesk.cli.Commands;
import org.resetdesk.job.Attempt;
import org.resetdesk.job.Baseline;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Intake;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.store.H2Database;
import org.resetdesk.store.H2JobRepository;
import picocli.CommandLine;

/**
 * {@code report csv} and {@code report daily-summary} through the real command line (as Main wires it), on a real
 * H2 store, with the summary delivered to GreenMail on loopback.
 */
class ReportCliTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(loopbackSmtp());

    @TempDir
    Path dir;

    private Path db;
    private Path data;

    record Run(int exit, String out, String err) {}

    private static ServerSetup loopbackSmtp() {
        ServerSetup s = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        s.setServerStartupTimeout(20_000);
        return s;
    }

    @BeforeEach
    void seedTheStore() {
        db = dir.resolve("db/resetdesk");
        data = dir.resolve("data");
        try (H2Database h2 = H2Database.open(db, H2Database.Options.createIfMissing())) {
            H2JobRepository repo = new H2JobRepository(h2);
            // 24 Nov: exported 12:10, the reply 13:40, password set; a name with comma, quotes and accents, and a
            // "contact" that a spreadsheet would run as a formula
            Instant t = Instant.parse("2026-11-24T12:00:00Z");
            Job a = Job.open("RD-000001", intake("zoë", "Zoë Ångström, \"the boss\"",
                    "=HYPERLINK(\"http://evil.test\",\"x\")", true), at(t));
            repo.save(a, List.of());
            a = exported(repo, a, t.plusSeconds(600));
            a = a.moveTo(JobState.REPLY_RECEIVED, at(t.plusSeconds(6000)));
            repo.save(a, List.of(JobEvent.of(a.id(), t.plusSeconds(6000), "reply.received", "reply file"),
                    state(a)));
            a = a.withAttempt(a.attempt().success()).moveTo(JobState.PASSWORD_SET, at(t.plusSeconds(6600)));
            repo.save(a, List.of(state(a)));
            // 25 Nov: abandoned, a phone number as contact (starts with +)
            Instant u = Instant.parse("2026-11-25T12:00:00Z");
            Job b = Job.open("RD-000002", intake("bob", "Bob; O'Neil\nWorkshop", "+44 113 496 0000", false), at(u));
            repo.save(b, List.of());
            b = b.abandoned("customer left", at(u.plusSeconds(60)));
            repo.save(b, List.of(state(b)));
            // 20 Nov: finished long ago and purged by retention: no name, no contact
            Instant v = Instant.parse("2026-11-20T12:00:00Z");
            Job old = Job.open("RD-000003", intake("李雷", "Gone Person", "gone@example.test", true), at(v));
            repo.save(old, List.of());
            old = old.withIntake(old.intake().anonymised()).abandoned("no ownership proof", at(v.plusSeconds(60)));
            repo.save(old, List.of(state(old)));
        }
    }

    private static JobEvent state(Job j) {
        return JobEvent.of(j.id(), j.updatedAt(), "state." + j.state(), "moved to " + j.state());
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    private static Intake intake(String staff, String customer, String contact, boolean notify) {
        return new Intake(staff, customer, contact, Intake.OwnershipKind.RECEIPT, "INV-1", null, null, "v1",
                Instant.parse("2026-11-20T09:00:00Z"), notify, "DS-7608NI-E2/8P0820160211AAWR681619114WCVU",
                List.of());
    }

    private static Job exported(H2JobRepository repo, Job open, Instant exportedAt) {
        DeviceInfo d = new DeviceInfo("DS-7608NI-E2/8P", "DS-7608NI-E2/8P0820160211AAWR681619114WCVU",
                "c0-56-e3-fe-42-92", "192.168.1.64", "255.255.255.0", "192.168.1.1", "V4.30.085", "2026-11-23 08:02:11",
                true, Set.of(ResetMethod.ENCRYPTED_STRING), false, true, false, 48);
        Clock c = at(exportedAt);
        Job j = open.moveTo(JobState.IDENTIFIED, c).withDevice(d, "eth1").withMethod(ResetMethod.ENCRYPTED_STRING);
        repo.save(j, List.of(state(j)));
        Attempt att = new Attempt(1, ResetMethod.ENCRYPTED_STRING, exportedAt, Guards.deadlineFor(d, exportedAt),
                "ab".repeat(32), new Baseline(d.bootTime(), d.network(), "eth1", "192.168.1.2"), null, false);
        Job e = j.withAttempt(att).moveTo(JobState.REQUEST_EXPORTED, c);
        repo.save(e, List.of(JobEvent.of(e.id(), exportedAt, "export.written", "request file"), state(e)));
        return e;
    }

    private Path config(boolean withManager) throws Exception {
        String text = "sadp.interface=lo\ndb.path=" + db + "\ndata.dir=" + data + "\nshop.name=Counter Fixers\n"
                + "smtp.host=127.0.0.1\nsmtp.port=" + mail.getSmtp().getPort() + "\nsmtp.starttls=false\n"
                + "smtp.from=desk@counterfixers.test\nsupport.email=support@vendor.test\n"
                + (withManager ? "manager.email=manager@counterfixers.test\n" : "");
        return Files.writeString(dir.resolve(withManager ? "kiosk.properties" : "no-manager.properties"), text);
    }

    private Run run(String... args) {
        Main.wire();
        CommandLine cl = Commands.build();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theCsvHoldsEveryJobAndSurvivesASpreadsheetParser() throws Exception {
        Path csv = dir.resolve("out/jobs.csv");
        Files.createDirectories(csv.getParent());
        Run r = run("--config", config(true).toString(), "report", "csv", "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"file\":\"" + csv + "\",\"jobs\":3,\"from\":null,\"to\":null}\n");
        assertThat(Files.getPosixFilePermissions(csv)).as("personal data: owner only")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> rows = Rfc4180.parse(text);
        assertThat(rows.get(0)).startsWith("job_id", "opened", "state", "staff", "customer_name", "customer_contact");
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row).hasSize(rows.get(0).size()));
        int name = rows.get(0).indexOf("customer_name");
        int contact = rows.get(0).indexOf("customer_contact");
        int turnaround = rows.get(0).indexOf("turnaround_minutes");
        // oldest first; the purged job keeps its figures but no personal data
        assertThat(rows.subList(1, 4)).extracting(row -> row.get(0))
                .containsExactly("RD-000003", "RD-000001", "RD-000002");
        assertThat(rows.get(1).get(name)).isEmpty();
        assertThat(rows.get(1).get(contact)).isEmpty();
        assertThat(rows.get(1).get(3)).isEqualTo("李雷");
        assertThat(rows.get(2).get(name)).isEqualTo("Zoë Ångström, \"the boss\"");
        assertThat(rows.get(2).get(contact)).as("formula guard")
                .isEqualTo("'=HYPERLINK(\"http://evil.test\",\"x\")");
        assertThat(rows.get(2).get(2)).isEqualTo("PASSWORD_SET");
        assertThat(rows.get(2).get(turnaround)).isEqualTo("90.0");
        assertThat(rows.get(3).get(name)).isEqualTo("Bob; O'Neil\nWorkshop");
        assertThat(rows.get(3).get(contact)).isEqualTo("'+44 113 496 0000");
        assertThat(rows.get(3).get(rows.get(0).indexOf("abandon_reason"))).isEqualTo("customer left");
        assertThat(text).doesNotContain("INV-1").contains("\r\n");
    }

    @Test
    void aDateRangeKeepsOnlyTheJobsOpenedInIt() throws Exception {
        Path csv = dir.resolve("range.csv");
        Run r = run("--config", config(true).toString(), "report", "csv", "--out", csv.toString(), "--from",
                "2026-11-21", "--to", "2026-11-24");
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> rows = Rfc4180.parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0)).containsExactly("RD-000001");
    }

    @Test
    void badUsageIsExitTwoAndWritesNothing() throws Exception {
        String cfg = config(true).toString();
        Path csv = dir.resolve("never.csv");
        assertThat(run("--config", cfg, "report", "csv").exit()).as("--out is required").isEqualTo(2);
        assertThat(run("--config", cfg, "report", "csv", "--out", csv.toString(), "--from", "24.11.2026").exit())
                .isEqualTo(2);
        Run reversed = run("--config", cfg, "report", "csv", "--out", csv.toString(), "--from", "2026-11-25",
                "--to", "2026-11-24");
        assertThat(reversed.exit()).isEqualTo(2);
        assertThat(reversed.err()).contains("--from 2026-11-25 is after --to 2026-11-24");
        assertThat(run("--config", cfg, "report", "daily-summary", "--date", "yesterday").exit()).isEqualTo(2);
        assertThat(run("--config", cfg, "report").exit()).as("a group needs its subcommand").isEqualTo(2);
        assertThat(csv).doesNotExist();
    }

    @Test
    void aCsvThatCannotBeWrittenIsExitOne() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        Run r = run("--config", config(true).toString(), "report", "csv", "--out",
                blocker.resolve("jobs.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("cannot write ").doesNotContain("Exception").endsWith("\n");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void theDailySummaryReachesTheManagerWithTheDaysFigures() throws Exception {
        Run r = run("--config", config(true).toString(), "report", "daily-summary", "--date", "2026-11-24");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"date\":\"2026-11-24\",\"messageId\":\"<")
                .endsWith(",\"to\":\"manager@counterfixers.test\",\"deliveredNow\":true}\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessages().length == 1);
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(r.out()).contains(m.getMessageID().replace("\"", "\\\""));
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("manager@counterfixers.test");
        assertThat(m.getSubject()).isEqualTo("ResetDesk daily summary 2026-11-24 — Counter Fixers");
        Multipart parts = (Multipart) m.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Jobs opened: 1", "by zoë: 1",
                "Succeeded: 1, abandoned: 0", "median 90 min");
        BodyPart csv = parts.getBodyPart(1);
        assertThat(csv.getFileName()).isEqualTo("resetdesk-2026-11-24.csv");
        String figures = new String(csv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(Rfc4180.parse(figures)).contains(List.of("jobs_per_staff", "zoë", "1"),
                List.of("turnaround_median_minutes", "", "90.0"));
        try (var left = Files.list(data.resolve("outbox"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".eml"))).as("delivered, not queued").isEmpty();
        }
    }

    @Test
    void noManagerAddressOrNoMailServerIsAClearRefusal() throws Exception {
        Run noManager = run("--config", config(false).toString(), "report", "daily-summary");
        assertThat(noManager.exit()).isEqualTo(1);
        assertThat(noManager.err()).isEqualTo("no manager address is configured (manager.email)\n");

        Path noSmtp = Files.writeString(dir.resolve("no-smtp.properties"), "sadp.interface=lo\ndb.path=" + db
                + "\ndata.dir=" + data + "\nmanager.email=manager@counterfixers.test\n");
        Run r = run("--config", noSmtp.toString(), "report", "daily-summary", "--date", "2026-11-24");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("no mail server is configured (smtp.host)\n");
        assertThat(r.out()).isEmpty();
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    /** A strict RFC 4180 reader (quoted cells, doubled quotes, CRLF rows), so the test does not trust the writer. */
    static final class Rfc4180 {
        static List<List<String>> parse(String s) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"' && cell.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else if (c == '"' || c == '\r' || c == '\n') {
                    throw new IllegalArgumentException("unquoted " + (int) c + " at " + i);
                } else {
                    cell.append(c);
                }
            }
            if (quoted || cell.length() > 0 || !row.isEmpty()) {
                throw new IllegalArgumentException("the last row does not end with CRLF");
            }
            return rows;
        }
    }
}
