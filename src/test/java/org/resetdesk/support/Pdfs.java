package org.resetdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text extraction for assertions. */
final class Pdfs {
    private Pdfs() {}

    static String text(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with all whitespace collapsed to single spaces (lines wrap on narrow paper). */
    static String flat(byte[] pdf) {
        return text(pdf).replaceAll("\\s+", " ");
    }

    static float firstPageWidth(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getPage(0).getMediaBox().getWidth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
