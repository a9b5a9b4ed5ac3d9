package org.resetdesk.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders the filled vendor request form as an A4 PDF. Pure apart from the embedded font resource. */
public final class SupportFormPdf {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private SupportFormPdf() {}

    public static byte[] render(RequestForm form, String jobId, String requestFileName, Instant exportedAt,
                                Instant deadline, ZoneId zone, byte[] qrPng, byte[] labelPhoto,
                                String labelPhotoName) {
        try (PdfComposer pdf = new PdfComposer(PaperWidth.A4, "Password reset request " + form.fullSerial())) {
            pdf.title("Password reset request");
            pdf.text("Sent by " + form.company() + " for its customer, who is present with the recorder. The"
                    + " requester is authorised to initiate this reset and takes full responsibility for it.");
            pdf.heading("Requester");
            form.fields().forEach((label, value) -> {
                if (label.equals("Model")) {
                    pdf.heading("Device");
                }
                pdf.field(label, value);
            });
            pdf.heading("Request");
            pdf.field("Request file", requestFileName);
            pdf.field("Exported at", time(exportedAt, zone));
            pdf.field("Valid until", time(deadline, zone));
            pdf.field("Shop reference", jobId);
            pdf.text("The recorder stays powered and connected until the reply arrives. Please keep the shop"
                    + " reference in the subject of your reply.");
            if (qrPng != null) {
                pdf.heading("QR code of the request file");
                pdf.image(qrPng, "request-qr.png", 160);
            }
            if (labelPhoto != null) {
                pdf.heading("Device label");
                pdf.image(labelPhoto, labelPhotoName, 300);
            }
            return pdf.finish();
        }
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? null : TIME.format(t.atZone(zone)) + " (" + zone + ")";
    }
}
