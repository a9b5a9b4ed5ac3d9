package org.resetdesk.ui;

import java.nio.file.Path;

/**
 * Faults the trainer panel can cause on the training (virtual) recorder. Implemented by the composition root over
 * the in-process virtual recorder. Every method may block (sockets, files): the kiosk calls them on its I/O
 * executor, never on the event thread.
 */
public interface TrainerControls {

    /** Cuts the recorder's power (it stays off until {@link #powerOn()}). */
    void powerCut();

    /** Restores power after {@link #powerCut()}; the recorder boots again. */
    void powerOn();

    /** Restarts the recorder: any exported challenge is lost. */
    void reboot();

    /** Gives the recorder a different IP address. */
    void changeIp();

    /** Moves the kiosk's and the recorder's clocks forward by {@code hours}. */
    void clockJump(int hours);

    /**
     * Vendor support answers the request of this job: the reply lands in the hand-off folder.
     *
     * @return what arrived: the reply file (null when support sent a key) and the key (null when a file)
     */
    SupportReply supportReplyArrives(String jobId);

    record SupportReply(Path file, String key) {}
}
