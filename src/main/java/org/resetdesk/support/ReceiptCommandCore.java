package org.resetdesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobState;

/**
 * The receipt use case behind {@code job receipt ID --out PDF [--kind intake|handback] [--width 80mm|a4]} and the
 * kiosk's print buttons: renders the intake ticket or the hand-back receipt, writes it to a file and/or prints it
 * on the configured printer. Blocking; run it off the EDT.
 */
public final class ReceiptCommandCore {
    private final Function<String, Optional<Job>> jobs;
    private final Function<Job, HandBackResults> handBack;
    private final SupportSettings settings;
    private final EventSink events;
    private final Clock clock;
    private final Receipts receipts;

    /** Refused: unknown job, a hand-back receipt before the reset, or no printer configured. */
    public static final class ReceiptRefused extends RuntimeException {
        public ReceiptRefused(String message) {
            super(message);
        }
    }

    /** @param handBack the aftercare results of a job (built in the aftercare area) */
    public ReceiptCommandCore(Function<String, Optional<Job>> jobs, Function<Job, HandBackResults> handBack,
                              SupportSettings settings, EventSink events, Clock clock, ZoneId zone) {
        this.jobs = jobs;
        this.handBack = handBack;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.receipts = new Receipts(settings, zone);
    }

    /** @param width null for the configured {@code receipt.width} */
    public byte[] render(String jobId, Receipts.Kind kind, PaperWidth width) {
        Job job = jobs.apply(jobId).orElseThrow(() -> new ReceiptRefused("no job " + jobId));
        PaperWidth paper = width != null ? width : settings.receiptWidth();
        if (kind == Receipts.Kind.INTAKE) {
            return receipts.intakeTicket(job, paper, clock.instant());
        }
        JobState s = job.state();
        if (s != JobState.PASSWORD_SET && s != JobState.AFTERCARE && s != JobState.CLOSED) {
            throw new ReceiptRefused("job " + jobId + " is " + s + ": the hand-back receipt comes after the reset");
        }
        return receipts.handBackReceipt(job, handBack.apply(job), paper, clock.instant());
    }

    /** Writes the PDF atomically to {@code out}. */
    public Path write(String jobId, Receipts.Kind kind, PaperWidth width, Path out) {
        byte[] pdf = render(jobId, kind, width);
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".receipt-", ".tmp");
            Files.write(tmp, pdf);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new ReceiptRefused("cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Prints on {@code printer.name}. */
    public void print(String jobId, Receipts.Kind kind, PaperWidth width) {
        if (settings.printerName() == null) {
            throw new ReceiptRefused("no printer is configured (printer.name)");
        }
        byte[] pdf = render(jobId, kind, width);
        try {
            ReceiptPrinter.print(pdf, settings.printerName(), jobId + " " + kind.name().toLowerCase());
        } catch (ReceiptPrinter.PrintFailed e) {
            throw new ReceiptRefused(e.getMessage());
        }
        events.record(JobEvent.of(jobId, clock.instant(), SupportEvents.RECEIPT_PRINTED,
                kind.name().toLowerCase() + " receipt printed on " + settings.printerName()));
    }
}
