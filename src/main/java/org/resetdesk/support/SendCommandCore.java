package org.resetdesk.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.SupportPacket;

/**
 * The send use case behind {@code job send ID [--email ADDRESS | --folder DIR]} and the kiosk's Export screen:
 * builds the packet and hands it over by e-mail (through the durable outbox, with one immediate delivery try) or
 * into a folder. Without an explicit target it uses {@code support.email} when a mail server is configured, else
 * {@code handoff.folder}. Blocking; run it off the EDT.
 */
public final class SendCommandCore {
    private final Function<String, Optional<Job>> jobs;
    private final PacketSource source;
    private final SupportSettings settings;
    private final Outbox outbox;
    private final EventSink events;
    private final Clock clock;
    private final SupportPacketBuilder builder;
    private final BiConsumer<String, HandOff.Receipt> afterHandOff;

    /** The result: the hand-off receipt, and whether the mail already left (folder hand-offs always have). */
    public record Sent(HandOff.Receipt receipt, boolean deliveredNow) {}

    /** Refused before anything was sent; the message is one line for people. */
    public static final class SendRefused extends RuntimeException {
        public SendRefused(String message) {
            super(message);
        }
    }

    /**
     * @param afterHandOff called once the packet is delivered or safely queued, with the job id and the receipt;
     *     the integrator passes {@code JobService.markSent} (moves the job to AWAITING_REPLY)
     */
    public SendCommandCore(Function<String, Optional<Job>> jobs, PacketSource source, SupportSettings settings,
                           Outbox outbox, EventSink events, Clock clock, ZoneId zone,
                           BiConsumer<String, HandOff.Receipt> afterHandOff) {
        this.afterHandOff = afterHandOff;
        this.jobs = jobs;
        this.source = source;
        this.settings = settings;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.builder = new SupportPacketBuilder(zone);
    }

    /**
     * @param email an address that overrides {@code support.email}, or null
     * @param folder a folder that overrides {@code handoff.folder}, or null (at most one of the two)
     * @param purchase overrides what the source knows, or null; likewise {@code deviceDate}
     */
    public Sent send(String jobId, String email, Path folder, RequestForm.Purchase purchase, String deviceDate) {
        if (email != null && folder != null) {
            throw new SendRefused("give either --email or --folder, not both");
        }
        Job job = jobs.apply(jobId).orElseThrow(() -> new SendRefused("no job " + jobId));
        if (job.attempt() == null || !job.attempt().isArmed()) {
            throw new SendRefused("job " + jobId + " has no live exported request to send; export one first");
        }
        RequestForm.Purchase usedPurchase = purchase != null ? purchase : source.purchase(job).orElse(null);
        String usedDate = deviceDate != null ? deviceDate : source.deviceDate(job).orElse(null);
        if (purchase != null || deviceDate != null) {
            // remembered for the next send of this job (job send ID, a resend): nobody has to type it twice
            events.record(JobEvent.of(jobId, clock.instant(), FormDetails.EVENT,
                    FormDetails.encode(usedPurchase, usedDate)));
        }
        RequestForm form = RequestForm.of(settings, job, usedPurchase, usedDate);
        SupportPacket packet;
        try {
            packet = builder.build(job, source.request(job), form, source.labelPhoto(job).orElse(null));
        } catch (IncompletePacket e) {
            throw new SendRefused(e.getMessage());
        }
        if (folder != null || email == null && (settings.smtp() == null || settings.supportEmail() == null)) {
            Path target = folder != null ? folder : settings.handoffFolder();
            if (target == null) {
                throw new SendRefused("no hand-off configured: set smtp.host and support.email, or handoff.folder,"
                        + " or give --email or --folder");
            }
            HandOff.Receipt r = new FolderHandOff(target, events, clock).send(packet);
            afterHandOff.accept(jobId, r);
            return new Sent(r, true);
        }
        if (settings.smtp() == null) {
            throw new SendRefused("no mail server is configured (smtp.host)");
        }
        String to = email != null ? email : settings.supportEmail();
        if (!MailComposer.isAddress(to)) {
            throw new SendRefused("not an e-mail address: " + to);
        }
        try (OutboxSender sender = new OutboxSender(outbox, new SmtpMailer(settings.smtp()), events, clock,
                Duration.ofSeconds(30), Duration.ofMinutes(15))) {
            HandOff.Receipt r = new SmtpHandOff(settings.smtp().from(), to, outbox, () -> { }, events, clock)
                    .send(packet);
            afterHandOff.accept(jobId, r);
            sender.runOnce();
            boolean left = outbox.pending().stream().noneMatch(e -> contains(e, r.messageId()));
            return new Sent(r, left);
        }
    }

    private boolean contains(Outbox.Entry e, String messageId) {
        try {
            return messageId.equals(outbox.load(e, jakarta.mail.Session.getInstance(new java.util.Properties()))
                    .getMessageID());
        } catch (Exception ex) {
            return false;
        }
    }
}
