package org.resetdesk.job;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A photo taken at intake (the device label, a proof of ownership): a JPEG or PNG of at most {@link #MAX_BYTES}. It is
 * stored with the job's files and named in the intake; the retention purge deletes it with the personal data.
 */
public record IntakePhoto(String name, byte[] bytes) {
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\.(jpe?g|png)");

    /** Why this photo cannot be taken in, or empty when it can. */
    public Optional<Refusal> check() {
        if (name == null || !NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.of(Refusal.of("intake.refused.photoName",
                    "a photo must be a .jpg or .png file with a plain name, not " + name, name));
        }
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            return Optional.of(Refusal.of("intake.refused.photoSize",
                    "a photo must hold between 1 byte and 8 MiB: " + name, name));
        }
        boolean jpeg = bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                && bytes[3] == 'G';
        if (!jpeg && !png) {
            return Optional.of(Refusal.of("intake.refused.photoType",
                    "not a JPEG or PNG picture: " + name, name));
        }
        return Optional.empty();
    }
}
