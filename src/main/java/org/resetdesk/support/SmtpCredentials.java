package org.resetdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the SMTP password from its own file, which must be a regular file owned by the kiosk user and readable by
 * nobody else (mode 0600 or 0400). The password is returned as a char[] the caller wipes after use.
 */
public final class SmtpCredentials {
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private SmtpCredentials() {}

    /** The file is refused: wrong permissions, owner or type. Never carries the password. */
    public static final class InsecureCredentials extends RuntimeException {
        public InsecureCredentials(String message) {
            super(message);
        }
    }

    public static char[] readPassword(Path file) {
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new InsecureCredentials("cannot check the permissions of " + file + " on this file system");
        } catch (IOException e) {
            throw new InsecureCredentials("cannot read the SMTP password file " + file + ": " + e.getMessage());
        }
        if (!attrs.isRegularFile()) {
            throw new InsecureCredentials("the SMTP password file " + file + " is not a regular file");
        }
        Set<PosixFilePermission> extra = EnumSet.copyOf(attrs.permissions());
        extra.removeAll(OWNER_ONLY);
        extra.remove(PosixFilePermission.OWNER_EXECUTE);
        if (!extra.isEmpty()) {
            throw new InsecureCredentials("refused: the SMTP password file " + file + " is readable or writable by"
                    + " group or others (" + extra + "); run chmod 600 on it");
        }
        String me = System.getProperty("user.name");
        if (!attrs.owner().getName().equals(me)) {
            throw new InsecureCredentials("refused: the SMTP password file " + file + " belongs to "
                    + attrs.owner().getName() + ", not to the kiosk user " + me);
        }
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
                end--;
            }
            char[] out = Arrays.copyOfRange(chars.array(), chars.arrayOffset(), chars.arrayOffset() + end);
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
