package org.resetdesk.recorder;

import java.nio.charset.StandardCharsets;

/**
 * The training stand-in for vendor support: given a request exported from a virtual recorder (encrypted string,
 * device code or QR payload, exactly as saved), it returns the reply file and the 8-character key that recorder
 * accepts for that one export. It refuses anything without a valid training signature, so it never produces a code
 * for a real device. Pure and thread-safe; the kiosk's trainer panel calls {@link #answer} for "a support reply
 * arriving".
 */
public final class SupportDesk {
    /** The biggest request file it reads (real exports are under 1 KiB). */
    public static final int MAX_REQUEST = 64 * 1024;

    /**
     * What support sends back.
     *
     * @param replyFile         the reply file's bytes (send them unchanged as the reset Code)
     * @param key               the 8-character key (alternative to the file)
     * @param suggestedFileName the vendor's naming, {@code Encrypt_<serial9>_o2.xml}
     */
    public record Answer(byte[] replyFile, String key, String suggestedFileName, String mac, String serial9,
                         String exportKind) {}

    /** The request is not one the training desk may answer. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private SupportDesk() {}

    public static Answer answer(byte[] request) throws Refused {
        if (request == null || request.length == 0) {
            throw new Refused("the request file is empty");
        }
        if (request.length > MAX_REQUEST) {
            throw new Refused("the request file is " + request.length + " bytes; exports are far smaller");
        }
        TrainingCodes.Request r;
        try {
            r = TrainingCodes.parseRequest(request);
        } catch (TrainingCodes.NotTraining e) {
            throw new Refused(e.getMessage());
        }
        String serial9 = new String(r.serial9().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        return new Answer(TrainingCodes.replyFile(r), TrainingCodes.key(r), "Encrypt_" + serial9 + "_o2.xml",
                r.mac(), serial9, r.kind().name());
    }
}
