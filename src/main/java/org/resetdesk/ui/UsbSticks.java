package org.resetdesk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The USB sticks the kiosk can write to now. The configured roots are the system's removable-media folders
 * ({@code /media}, {@code /run/media}); a stick is mounted below them ({@code /media/<user>/<LABEL>}), so the mount
 * points under a root are offered, as {@code /proc/self/mounts} lists them. A root that is itself a writable folder
 * and not a system media folder (a configured share, a test's folder) is offered as it is.
 */
public final class UsbSticks {
    private static final List<Path> SYSTEM_MEDIA = List.of(Path.of("/media"), Path.of("/run/media"));

    private UsbSticks() {}

    /** Writable stick folders under {@code roots}. Reads a small kernel file: call it off the event thread. */
    public static List<Path> writable(List<Path> roots) {
        return writable(roots, mountPoints(Path.of("/proc/self/mounts")));
    }

    static List<Path> writable(List<Path> roots, List<Path> mounts) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            for (Path m : mounts) {
                if (m.startsWith(r) && !m.equals(r) && usable(m) && !out.contains(m)) {
                    out.add(m);
                }
            }
            if (!SYSTEM_MEDIA.contains(r) && usable(r) && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean usable(Path p) {
        return Files.isDirectory(p) && Files.isWritable(p);
    }

    /** The mount points in a mounts table (field 2; spaces are written as {@code \040}). */
    static List<Path> mountPoints(Path table) {
        List<Path> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.split(" ");
                if (f.length > 2) {
                    out.add(Path.of(f[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no table: no mounted sticks
        }
        return out;
    }
}
