package org.resetdesk.ui.screen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Files the screens offer from sticks and folders (replies, photos): newest first. Disk work: call it off the EDT. */
final class NewestFiles {
    private NewestFiles() {}

    /**
     * The regular files under {@code roots} (down to {@code depth} folder levels; 1 = the root's own files) that
     * {@code wanted} accepts, newest first, at most {@code limit}. A root that is missing or unreadable offers nothing.
     */
    static List<Path> find(List<Path> roots, int depth, Predicate<Path> wanted, int limit) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root, depth)) {
                s.filter(Files::isRegularFile).filter(wanted).forEach(out::add);
            } catch (IOException | UncheckedIOException e) {
                // an unreadable stick or folder offers nothing
            }
        }
        out.sort(Comparator.comparingLong(NewestFiles::modified).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
