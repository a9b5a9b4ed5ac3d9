package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import javax.print.StreamPrintService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints through javax.print into a real print service: the JDK's PostScript StreamPrintService writing a file
 * (chosen over a CUPS cups-pdf queue in CI: no daemon, no root, no asynchronous spool directory to poll, and the
 * same DocPrintJob path the kiosk uses for a CUPS printer).
 */
class ReceiptPrinterTest {
    @TempDir
    Path dir;

    @Test
    void receiptsPrintAsPostScriptThroughJavaxPrint() throws Exception {
        var receipts = new Receipts(SupportSettings.fromProperties(TestJobs.baseProperties()), ZoneId.of("UTC"));
        byte[] roll = receipts.intakeTicket(TestJobs.exported("RD-000401"), PaperWidth.ROLL_80MM,
                Instant.parse("2026-11-24T10:00:00Z"));
        for (var c : new Object[][] {{roll, "roll.ps"}}) {
            Path out = dir.resolve((String) c[1]);
            try (OutputStream os = Files.newOutputStream(out)) {
                StreamPrintService ps = ReceiptPrinter.postScriptTo(os);
                ReceiptPrinter.print((byte[]) c[0], ps, "RD-000401 intake");
            }
            String ps = Files.readString(out, StandardCharsets.ISO_8859_1);
            assertThat(ps).startsWith("%!PS-Adobe").endsWith("%%EOF\n");
            // one printed page per PDF page
            assertThat(ps.lines().filter(l -> l.equals("showpage")).count()).isEqualTo(Pdfs.pages((byte[]) c[0]));
            assertThat(Files.size(out)).isGreaterThan(10_000);
        }
    }

    @Test
    void anUnknownPrinterIsRefusedByName() {
        assertThatThrownBy(() -> ReceiptPrinter.print(new byte[] {1}, "no-such-printer-support-test", "x"))
                .isInstanceOf(ReceiptPrinter.PrintFailed.class)
                .hasMessageContaining("no printer named 'no-such-printer-support-test'");
    }
}
