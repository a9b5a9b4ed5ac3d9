package org.resetdesk.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.resetdesk.job.Guards;
import org.resetdesk.job.Job;

/**
 * The customer's paper, as PDF on an 80 mm roll or A4 with the embedded font: the intake ticket (job number and
 * QR code, the device, what happens next, keep the recorder powered and connected, the deadline) and the
 * hand-back receipt (what was done, disk and cloud results, advice). Neither ever contains a password: none is
 * passed in, and result lines are redacted ({@link HandBackResults}). Pure apart from the font resource.
 */
public final class Receipts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final SupportSettings settings;
    private final ZoneId zone;

    public Receipts(SupportSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    public enum Kind { INTAKE, HANDBACK }

    public byte[] intakeTicket(Job job, PaperWidth paper, Instant printedAt) {
        try (PdfComposer pdf = new PdfComposer(paper, "Intake ticket " + job.id())) {
            header(pdf, "Intake ticket", job, printedAt);
            QrCodes.png(job.id(), 240).ifPresent(png -> pdf.image(png, "job-qr.png", paper.isRoll() ? 90 : 110));
            pdf.heading("Your recorder");
            device(pdf, job);
            pdf.field("Received", time(job.createdAt()));
            pdf.field("Served by", job.intake().staffId());
            pdf.field("Updates by e-mail", job.intake().notifyConsent() ? "yes, as you agreed" : "no");
            pdf.heading("What happens next");
            pdf.bullet("We export a password reset request from your recorder and send it to the manufacturer's"
                    + " support, with a photo of the label.");
            pdf.bullet("Support answers with a reply file or key, usually within one working day.");
            pdf.bullet("With the reply we set a new password that you choose, then check the disks and the cloud"
                    + " binding.");
            pdf.heading("Keep the recorder powered and connected");
            pdf.text("Do not switch it off, restart it, unplug it or change its network until we call you. A restart"
                    + " makes the request worthless and it must be sent again.");
            pdf.heading("Deadline");
            pdf.text(job.deadline() != null
                    ? "The request is valid until " + time(job.deadline()) + ". Support's reply must be used before"
                    + " then."
                    : "The request is valid for " + Guards.DEFAULT_VALIDITY_HOURS + " hours from the moment we export"
                    + " it; we tell you the exact time.");
            footer(pdf);
            return pdf.finish();
        }
    }

    public byte[] handBackReceipt(Job job, HandBackResults results, PaperWidth paper, Instant printedAt) {
        try (PdfComposer pdf = new PdfComposer(paper, "Hand-back receipt " + job.id())) {
            header(pdf, "Hand-back receipt", job, printedAt);
            pdf.heading("Your recorder");
            device(pdf, job);
            section(pdf, "What was done", results.done(), "The password was reset with the manufacturer's official"
                    + " procedure.");
            if (job.method() != null) {
                pdf.field("Method", job.method().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            pdf.field("Requests sent to support", Integer.toString(job.attemptCount()));
            section(pdf, "Disks", results.disks(), "Not checked.");
            section(pdf, "Cloud (Hik-Connect)", results.cloud(), "Not checked.");
            pdf.heading("Advice");
            results.advice().forEach(pdf::bullet);
            HandBackResults.STANDARD_ADVICE.forEach(pdf::bullet);
            pdf.space(paper.fontSize());
            pdf.text("The new password was chosen by you and is printed nowhere.");
            footer(pdf);
            return pdf.finish();
        }
    }

    private void header(PdfComposer pdf, String title, Job job, Instant printedAt) {
        if (settings.shopName() != null) {
            pdf.title(settings.shopName());
        }
        if (settings.shopAddress() != null) {
            pdf.text(settings.shopAddress());
        }
        pdf.rule();
        pdf.heading(title);
        pdf.title(job.id());
        pdf.field("Printed", time(printedAt));
        if (job.intake() != null && job.intake().customerName() != null) {
            pdf.field("Customer", job.intake().customerName());
        }
    }

    private static void device(PdfComposer pdf, Job job) {
        var d = job.device();
        pdf.field("Model", d == null ? null : d.model());
        pdf.field("Serial", d != null && d.serial() != null ? d.serial() : job.intake().labelSerial());
    }

    private static void section(PdfComposer pdf, String heading, List<String> lines, String ifEmpty) {
        pdf.heading(heading);
        if (lines.isEmpty()) {
            pdf.text(ifEmpty);
        } else {
            lines.forEach(pdf::bullet);
        }
    }

    private void footer(PdfComposer pdf) {
        pdf.rule();
        pdf.text("Keep this ticket. Quote the job number when you call us.");
    }

    private String time(Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }
}
