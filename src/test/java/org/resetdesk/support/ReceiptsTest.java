package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.resetdesk.job.Job;

class ReceiptsTest {
    private static final String PASSWORD = "Zq7!kiosk-Secret";
    private final SupportSettings settings = SupportSettings.fromProperties(TestJobs.baseProperties());
    private final Receipts receipts = new Receipts(settings, ZoneId.of("Europe/London"));
    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void intakeTicketSaysWhatHappensNextAndTheDeadline(PaperWidth paper) {
        Job job = TestJobs.exported("RD-000321");
        byte[] pdf = receipts.intakeTicket(job, paper, now);
        String text = Pdfs.flat(pdf);
        assertThat(text).contains("Intake ticket", "RD-000321", "Counter Fixers Ltd", "DS-7608NI-E2/8P",
                "What happens next", "Keep the recorder powered and connected", "Do not switch it off",
                "valid until 2026-11-26 09:35", "Jo Customer", "Served by: anna");
        assertThat(text.replace(" ", "")).contains(TestJobs.SERIAL);
        assertThat(Pdfs.firstPageWidth(pdf)).isCloseTo(paper.width(), within(0.5f));
        if (paper.isRoll()) {
            assertThat(Pdfs.pages(pdf)).isEqualTo(1); // one strip as long as the text
        }
    }

    @Test
    void intakeTicketBeforeExportExplainsTheValidityWindow() {
        Job job = org.resetdesk.job.Job.open("RD-000322",
                TestJobs.intake("anna", "Jo", "0113 000", false, TestJobs.SERIAL), TestJobs.clock(TestJobs.T0));
        String text = Pdfs.flat(receipts.intakeTicket(job, PaperWidth.ROLL_80MM, now));
        assertThat(text).contains("valid for 48 hours from the moment we export", "Updates by e-mail: no");
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void handBackReceiptReportsResultsAndNeverThePassword(PaperWidth paper) {
        Job job = TestJobs.passwordSet(TestJobs.exported("RD-000323"));
        HandBackResults results = new HandBackResults(
                List.of("Password reset with the support reply file", "new password: " + PASSWORD,
                        "admin PIN=4455 recorded"),
                List.of("HDD 1: 2 TB, normal", "Overwrite switched on"),
                List.of("Hik-Connect: unbound from the previous account"),
                List.of("Password is " + PASSWORD + " — write it down"));
        byte[] pdf = receipts.handBackReceipt(job, results, paper, now);
        String text = Pdfs.flat(pdf);
        assertThat(text).contains("Hand-back receipt", "RD-000323", "Password reset with the support reply file",
                "HDD 1: 2 TB, normal", "Overwrite switched on", "Hik-Connect: unbound from the previous account",
                "Keep the new password somewhere safe", "new password: [not printed]", "Method: encrypted string",
                "Requests sent to support: 1");
        assertThat(text).doesNotContain(PASSWORD).doesNotContain("4455");
        assertThat(Pdfs.firstPageWidth(pdf)).isCloseTo(paper.width(), within(0.5f));
    }

    @Test
    void emptyResultsStillPrintEverySection() {
        Job job = TestJobs.passwordSet(TestJobs.exported("RD-000324"));
        String text = Pdfs.flat(receipts.handBackReceipt(job, new HandBackResults(null, null, null, null),
                PaperWidth.A4, now));
        assertThat(text).contains("What was done", "official procedure", "Disks Not checked", "Cloud (Hik-Connect)");
    }

    @Test
    void charactersOutsideTheFontDoNotBreakTheReceipt() {
        Job job = org.resetdesk.job.Job.open("RD-000325",
                TestJobs.intake("anna", "Łukasz Żółć \u674e\u96f7 \ud83d\ude00\u0007", "x", false,
                        TestJobs.SERIAL),
                TestJobs.clock(TestJobs.T0));
        String text = Pdfs.flat(receipts.intakeTicket(job, PaperWidth.ROLL_80MM, now));
        assertThat(text).contains("Łukasz Żółć").contains("RD-000325");
    }

    @Test
    void aVeryLongRollStaysWithinThePdfPageLimit() {
        Job job = TestJobs.passwordSet(TestJobs.exported("RD-000327"));
        List<String> many = java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "disk check line " + i).toList();
        byte[] pdf = receipts.handBackReceipt(job, new HandBackResults(List.of(), many, List.of(), List.of()),
                PaperWidth.ROLL_80MM, now);
        assertThat(Pdfs.pages(pdf)).isGreaterThan(1);
        assertThat(Pdfs.flat(pdf)).contains("disk check line 0 ", "disk check line 1499 ");
    }

    @Test
    void longUnbrokenValuesWrapInsideTheRoll() {
        Job job = org.resetdesk.job.Job.open("RD-000326",
                TestJobs.intake("anna", "X".repeat(200), "x", false, TestJobs.SERIAL), TestJobs.clock(TestJobs.T0));
        String text = Pdfs.text(receipts.intakeTicket(job, PaperWidth.ROLL_80MM, now));
        assertThat(text.replaceAll("\\s+", "")).contains("X".repeat(200));
        assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(80);
    }
}
