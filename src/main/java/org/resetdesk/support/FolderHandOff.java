package org.resetdesk.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.UUID;
import org.resetdesk.job.HandOff;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.SupportPacket;

/**
 * Hands the packet over by writing its files into a configured folder (a shared folder or a USB stick's mount).
 * Each file is written to a temporary name, synced and renamed, so the other side never picks up a half-written
 * file. An existing file of the same name is never overwritten: the folder then gets a numbered copy.
 */
public final class FolderHandOff implements HandOff {
    private final Path folder;
    private final EventSink events;
    private final Clock clock;

    public FolderHandOff(Path folder, EventSink events, Clock clock) {
        this.folder = folder;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Receipt send(SupportPacket packet) {
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new HandOffFailed("the hand-off folder " + folder + " is not there or not writable (is the USB"
                    + " stick plugged in?)", null);
        }
        String id = "folder-" + UUID.randomUUID();
        StringBuilder names = new StringBuilder();
        for (SupportPacket.Part part : packet.parts()) {
            Path target = write(part.fileName(), part.bytes());
            names.append(names.length() == 0 ? "" : ", ").append(target.getFileName());
        }
        events.record(JobEvent.of(packet.jobId(), clock.instant(), SupportEvents.HANDOFF_DELIVERED,
                "message " + id + ": " + packet.parts().size() + " files written to " + folder + " (" + names + ")"));
        return new Receipt(id, "folder", Status.DELIVERED, folder.toString());
    }

    private Path write(String name, byte[] bytes) {
        Path tmp = folder.resolve(".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            for (int n = 0; ; n++) {
                Path target = folder.resolve(n == 0 ? name : numbered(name, n));
                if (Files.exists(target)) {
                    continue;
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new HandOffFailed("could not write " + name + " to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }
}
