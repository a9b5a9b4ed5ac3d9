package org.resetdesk.support;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;

/**
 * Optional e-mails to the customer when support's reply has arrived and when the recorder is ready — only when the
 * customer agreed at intake ({@code Intake.notifyConsent}) and left an e-mail address as contact. Mails go through
 * the durable outbox; every decision (queued or skipped, and why) is a job event. Thread-safe.
 */
public final class CustomerNotifier {
    private final SupportSettings settings;
    private final Outbox outbox;
    private final Runnable wakeSender;
    private final EventSink events;
    private final Clock clock;
    private final ZoneId zone;

    public CustomerNotifier(SupportSettings settings, Outbox outbox, Runnable wakeSender, EventSink events,
                            Clock clock, ZoneId zone) {
        this.zone = zone;
        this.settings = settings;
        this.outbox = outbox;
        this.wakeSender = wakeSender;
        this.events = events;
        this.clock = clock;
    }

    public Optional<String> replyArrived(Job job) {
        return notify(job, "reply", "Support has answered for your recorder",
                "Support has sent the reply for your recorder. Please come to the shop with the recorder's"
                        + " details so we can set your new password together. The reply must be used before "
                        + (job.deadline() == null ? "it expires" : DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm",
                        Locale.ENGLISH).format(job.deadline().atZone(zone))) + ".");
    }

    public Optional<String> recorderReady(Job job) {
        return notify(job, "ready", "Your recorder is ready",
                "Your recorder is ready to be collected. Please bring this e-mail or your ticket.");
    }

    private Optional<String> notify(Job job, String what, String subject, String text) {
        String contact = job.intake() == null ? null : job.intake().customerContact();
        String skip = null;
        if (job.intake() == null || !job.intake().notifyConsent()) {
            skip = "the customer did not agree to e-mail updates";
        } else if (contact == null || !MailComposer.isAddress(contact)) {
            skip = "the customer's contact is not an e-mail address";
        } else if (settings.smtp() == null) {
            skip = "no mail server is configured";
        }
        if (skip != null) {
            events.record(JobEvent.of(job.id(), clock.instant(), SupportEvents.NOTIFY_SKIPPED, what + ": " + skip));
            return Optional.empty();
        }
        String shop = settings.shopName() == null ? "ResetDesk" : settings.shopName();
        String body = "Hello " + Optional.ofNullable(job.intake().customerName()).orElse("") + ",\n\n" + text
                + "\n\nJob number: " + job.id() + "\n\n" + shop + "\n"
                + Optional.ofNullable(settings.shopAddress()).orElse("") + "\n";
        var m = MailComposer.compose(job.id(), settings.smtp().from(), contact.trim(),
                subject + " (" + job.id() + ")", body, List.of(), clock.instant());
        String id = outbox.enqueue(m);
        events.record(JobEvent.of(job.id(), clock.instant(), SupportEvents.NOTIFY_QUEUED,
                what + ": message " + id + " to the customer"));
        wakeSender.run();
        return Optional.of(id);
    }
}
