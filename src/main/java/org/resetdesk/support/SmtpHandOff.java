package org.resetdesk.support;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.SupportPacket;

/**
 * Hands the packet over by e-mail: composes the mail with every packet file attached, stores it durably in the
 * outbox and wakes the sender. Returns as soon as the mail is safe on disk ({@link HandOff.Status#QUEUED}); the
 * {@link OutboxSender} reports the attempts and the delivery as events under the same Message-ID.
 */
public final class SmtpHandOff implements HandOff {
    private final String from;
    private final String to;
    private final Outbox outbox;
    private final Runnable wakeSender;
    private final EventSink events;
    private final Clock clock;

    /**
     * @param to the support address ({@code support.email}) or the one staff typed
     * @param wakeSender usually {@code sender::wake}; the CLI passes a direct {@code runOnce}
     */
    public SmtpHandOff(String from, String to, Outbox outbox, Runnable wakeSender, EventSink events, Clock clock) {
        this.from = MailComposer.address(from).getAddress();
        this.to = MailComposer.address(to).getAddress();
        this.outbox = outbox;
        this.wakeSender = wakeSender;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Receipt send(SupportPacket packet) {
        MimeMessage m = MailComposer.packet(packet, from, to, clock.instant());
        String id = outbox.enqueue(m);
        events.record(JobEvent.of(packet.jobId(), clock.instant(), SupportEvents.HANDOFF_QUEUED,
                "message " + id + " to " + to + " queued with " + packet.parts().size() + " files"));
        wakeSender.run();
        return new Receipt(id, "email", Status.QUEUED, to);
    }
}
