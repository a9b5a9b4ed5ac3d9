package org.resetdesk.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resetdesk.job.Job;
import org.resetdesk.job.SerialNumbers;
import org.resetdesk.job.SupportPacket;
import org.resetdesk.job.SupportPacket.Kind;
import org.resetdesk.job.SupportPacket.Part;

/**
 * Assembles the support packet for a job: the request file byte-for-byte under the vendor-style name
 * {@code <serial>-<yyyyMMddHHmm>.xml}, its QR code, the filled request form and the label photo when there is one.
 * Pure (no I/O): the caller reads the request and the photo. Thread-safe.
 */
public final class SupportPacketBuilder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT);

    private final ZoneId zone;

    /** @param zone the shop's time zone, used for the file name and the printed times */
    public SupportPacketBuilder(ZoneId zone) {
        this.zone = zone;
    }

    /** A label photo read from the job's intake photos. */
    public record Photo(String fileName, byte[] bytes) {}

    /**
     * @throws IncompletePacket when a required form field, the request bytes, the serial or the export time is
     *     missing
     */
    public SupportPacket build(Job job, byte[] request, RequestForm form, Photo labelPhoto) {
        List<String> missing = new ArrayList<>(form.missing());
        if (request == null || request.length == 0) {
            missing.add("request file");
        }
        Instant exportedAt = job.attempt() == null ? null : job.attempt().exportedAt();
        if (exportedAt == null) {
            missing.add("export time");
        }
        if (!missing.isEmpty()) {
            throw new IncompletePacket(job.id(), missing);
        }
        String serial = SerialNumbers.normalise(form.fullSerial());
        String requestName = requestFileName(serial, exportedAt);
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(Kind.REQUEST, requestName, "application/xml", request));
        Optional<byte[]> qr = QrCodes.png(request, 400);
        qr.ifPresent(png -> parts.add(new Part(Kind.QR_CODE, base(requestName) + "-qr.png", "image/png", png)));
        byte[] form6 = SupportFormPdf.render(form, job.id(), requestName, exportedAt, job.deadline(), zone,
                qr.orElse(null),
                labelPhoto == null ? null : labelPhoto.bytes(), labelPhoto == null ? null : labelPhoto.fileName());
        parts.add(new Part(Kind.FORM, base(requestName) + "-request-form.pdf", "application/pdf", form6));
        if (labelPhoto != null) {
            parts.add(new Part(Kind.LABEL_PHOTO, base(requestName) + "-label" + extension(labelPhoto.fileName()),
                    mediaType(labelPhoto.fileName()), labelPhoto.bytes()));
        }
        String subject = "Password reset request " + serial + " [" + job.id() + "]";
        return new SupportPacket(job.id(), serial, subject, body(form, job.id(), requestName, qr.isPresent()), parts);
    }

    /**
     * {@code <serial>-<yyyyMMddHHmm>.xml}, with characters that are unsafe in file names as '_' (DVR models have
     * a '/': {@code DS-7608NI-E2/8P...}).
     */
    public String requestFileName(String serial, Instant exportedAt) {
        String safe = SerialNumbers.normalise(serial).replaceAll("[^A-Za-z0-9._-]", "_");
        return safe + "-" + STAMP.format(exportedAt.atZone(zone)) + ".xml";
    }

    private static String base(String fileName) {
        return fileName.substring(0, fileName.length() - 4);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".jpg" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String mediaType(String name) {
        String ext = extension(name);
        return switch (ext) {
            case ".png" -> "image/png";
            case ".jpg", ".jpeg" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

    private static String body(RequestForm form, String jobId, String requestName, boolean withQr) {
        StringBuilder b = new StringBuilder();
        b.append("Hello,\n\nplease find attached a password reset request exported with SADP from the recorder")
                .append(" below. Our customer is with us and the recorder stays powered until your reply.\n\n");
        form.fields().forEach((label, value) -> b.append(label).append(": ")
                .append(value == null ? "-" : value).append('\n'));
        b.append("\nAttached: ").append(requestName).append(withQr ? ", its QR code" : "")
                .append(", the filled request form").append(".\n")
                .append("Please keep our reference ").append(jobId).append(" in the subject of your reply.\n\n")
                .append("Thank you,\n").append(form.name()).append('\n').append(form.company()).append('\n');
        return b.toString();
    }
}
