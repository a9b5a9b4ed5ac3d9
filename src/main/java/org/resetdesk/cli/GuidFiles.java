package org.resetdesk.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an exported GUID file to the customer's medium: a new file only (never overwrites), owner-only
 * permissions where the file system has POSIX permissions (a FAT/exFAT USB stick has none), flushed to the device
 * before returning so the stick can be pulled. A partly written file is removed. Used by {@code job aftercare
 * --export-guid} and the kiosk.
 */
public final class GuidFiles {
    /** The name the vendor's tools use for the file; the kiosk adds the serial so two recorders do not collide. */
    public static final String SUFFIX = "-DeviceGUID.xml";

    private GuidFiles() {}

    /** A file name for this recorder's GUID: its serial (file-safe) and {@value #SUFFIX}. */
    public static String fileName(String serial) {
        String s = serial == null || serial.isBlank() ? "recorder" : serial.replaceAll("[^A-Za-z0-9._-]", "_");
        return s + SUFFIX;
    }

    /** A name for this recorder's GUID in {@code folder} that is not taken yet ({@code -2}, {@code -3}, … added). */
    public static Path freeName(Path folder, String serial) {
        String base = fileName(serial);
        Path p = folder.resolve(base);
        String stem = base.substring(0, base.length() - ".xml".length());
        for (int i = 2; Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            p = folder.resolve(stem + "-" + i + ".xml");
        }
        return p;
    }

    /**
     * Creates {@code target} with {@code content}.
     *
     * @throws FileAlreadyExistsException when it exists (nothing is changed)
     * @throws IOException when the folder is missing or the write fails (nothing is left behind)
     */
    public static void writeNew(Path target, byte[] content) throws IOException {
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite an existing file");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("the folder " + parent + " does not exist");
        }
        boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
        Set<StandardOpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        boolean created = false;
        try (FileChannel ch = FileChannel.open(target, opts, attrs)) {
            created = true;
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            if (created) {
                Files.deleteIfExists(target);
            }
            throw e;
        }
    }
}
