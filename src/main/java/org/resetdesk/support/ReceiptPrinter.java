package org.resetdesk.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.StreamPrintService;
import javax.print.StreamPrintServiceFactory;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints receipt PDFs through {@code javax.print}: to the printer configured by name ({@code printer.name}, as
 * CUPS lists it), or to any {@link PrintService} such as a PostScript {@link StreamPrintService} writing a file.
 * A service that takes PDF directly (CUPS) gets the PDF bytes; any other gets the pages rendered through Java 2D.
 * Blocking; call it off the EDT.
 */
public final class ReceiptPrinter {
    private ReceiptPrinter() {}

    /** Printing failed or the printer is unknown; the message says which printers exist. */
    public static final class PrintFailed extends RuntimeException {
        public PrintFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static PrintService byName(String printerName) {
        PrintService[] all = PrintServiceLookup.lookupPrintServices(null, null);
        return Arrays.stream(all).filter(s -> s.getName().equalsIgnoreCase(printerName)).findFirst()
                .orElseThrow(() -> new PrintFailed("no printer named '" + printerName + "'; known: "
                        + (all.length == 0 ? "none" : Arrays.stream(all).map(PrintService::getName)
                        .collect(Collectors.joining(", "))), null));
    }

    /** A real print service that writes PostScript to {@code out} (a file printer). */
    public static StreamPrintService postScriptTo(OutputStream out) {
        StreamPrintServiceFactory[] f = StreamPrintServiceFactory.lookupStreamPrintServiceFactories(
                DocFlavor.SERVICE_FORMATTED.PAGEABLE, "application/postscript");
        if (f.length == 0) {
            throw new PrintFailed("this Java runtime has no PostScript stream print service", null);
        }
        return f[0].getPrintService(out);
    }

    public static void print(byte[] pdf, String printerName, String jobName) {
        print(pdf, byName(printerName), jobName);
    }

    public static void print(byte[] pdf, PrintService service, String jobName) {
        PrintRequestAttributeSet attrs = new HashPrintRequestAttributeSet();
        attrs.add(new JobName(jobName, null));
        attrs.add(new Copies(1));
        DocPrintJob job = service.createPrintJob();
        try {
            if (service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)) {
                job.print(new SimpleDoc(new ByteArrayInputStream(pdf), DocFlavor.INPUT_STREAM.PDF, null), attrs);
                return;
            }
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                Doc d = new SimpleDoc(new PDFPageable(doc), DocFlavor.SERVICE_FORMATTED.PAGEABLE, null);
                job.print(d, attrs);
            }
        } catch (PrintException | IOException e) {
            throw new PrintFailed("printing " + jobName + " on " + service.getName() + " failed: " + e.getMessage(), e);
        }
    }
}
