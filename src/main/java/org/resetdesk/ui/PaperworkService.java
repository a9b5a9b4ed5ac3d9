package org.resetdesk.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Hand-off to vendor support and the paper for the customer, off the event thread. Implemented by the composition
 * root over the support module; futures fail with a one-line message when refused.
 */
public interface PaperworkService {
    /** What a hand-off did: the channel ({@code folder} or {@code email}), its message id and where it went. */
    record Sent(String channel, String messageId, String where, boolean deliveredNow) {}

    /** A receipt printed on {@code printer}, or (no printer configured) written to {@code file}. */
    record Printed(String printer, Path file) {}

    enum Receipt { INTAKE, HANDBACK }

    /** What the support form asks at the counter: where and how the recorder was bought, the date it shows. */
    record Details(String whereBought, String channel, String deviceDate) {}

    /** Whether e-mail hand-off is configured (the folder hand-off always is). */
    boolean emailAvailable();

    /** Sends the job's support packet by e-mail ({@code email}) or to the hand-off folder; marks the job sent. */
    CompletableFuture<Sent> send(String jobId, boolean email, Details details);

    /** Prints (or writes) the intake ticket or the hand-back receipt; never carries a password. */
    CompletableFuture<Printed> receipt(String jobId, Receipt kind);
}
