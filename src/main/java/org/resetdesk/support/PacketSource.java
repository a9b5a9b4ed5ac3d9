package org.resetdesk.support;

import java.util.Optional;
import org.resetdesk.job.Job;

/**
 * Where the send use case gets what the packet needs beyond the job itself; the integrator wires it to the
 * artifact store, the intake photos and what staff entered on the Export screen. Called on the caller's thread.
 */
public interface PacketSource {

    /** The request file exactly as the recorder exported it for the job's current attempt. */
    byte[] request(Job job);

    /** The label photo taken at intake, when there is one. */
    default Optional<SupportPacketBuilder.Photo> labelPhoto(Job job) {
        return Optional.empty();
    }

    /** Where and how the customer bought the recorder. */
    default Optional<RequestForm.Purchase> purchase(Job job) {
        return Optional.empty();
    }

    /** The recorder's current date as it shows it (ISAPI time or the recorder's screen). */
    default Optional<String> deviceDate(Job job) {
        return Optional.empty();
    }
}
