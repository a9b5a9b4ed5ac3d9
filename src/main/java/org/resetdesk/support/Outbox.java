package org.resetdesk.support;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable outbox: one file per message in a spool directory, written atomically (temporary file, fsync,
 * atomic rename, fsync of the directory), so an acknowledged {@link #enqueue} survives a crash or power cut and a
 * half-written message is never seen. Files are named by their queue time, so the oldest goes first. Several
 * processes (kiosk and CLI) may share one spool: senders take {@link #tryLock()} before delivering.
 */
public final class Outbox {
    private static final String SUFFIX = ".eml";
    private static final String TMP = ".tmp-";

    private final Path dir;
    private final Path held;

    public Outbox(Path dir) {
        this.dir = dir;
        this.held = dir.resolve("held");
        try {
            Files.createDirectories(held);
            try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, TMP + "*")) {
                for (Path p : tmp) {
                    Files.deleteIfExists(p); // never acknowledged: enqueue had not returned
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** A queued message; {@code file} is its spool file. */
    public record Entry(Path file) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    /** Stores the message durably and returns its Message-ID. */
    public String enqueue(MimeMessage message) {
        String name = String.format("%013d-%s%s", System.currentTimeMillis(), UUID.randomUUID(), SUFFIX);
        Path tmp = dir.resolve(TMP + name);
        try {
            String id = message.getMessageID();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                message.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            syncDir();
            return id;
        } catch (IOException | MessagingException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next start removes it
            }
            throw new org.resetdesk.job.HandOff.HandOffFailed("could not store the message in the outbox " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    /** Queued messages, oldest first. */
    public List<Entry> pending() {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : files) {
                if (!p.getFileName().toString().startsWith(TMP)) {
                    out.add(new Entry(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Messages set aside because they could not be read; kept for staff, never deleted. */
    public List<Path> held() {
        try (var s = Files.list(held)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MimeMessage load(Entry e, Session session) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(e.file())) {
            return MailComposer.read(session, in);
        }
    }

    /** Removes a delivered message. */
    public void remove(Entry e) {
        try {
            Files.deleteIfExists(e.file());
            syncDir();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Moves an unreadable message aside so it does not block the queue. */
    public Path hold(Entry e) {
        try {
            Path target = held.resolve(e.name());
            Files.move(e.file(), target, StandardCopyOption.ATOMIC_MOVE);
            syncDir();
            return target;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The delivery lock over this spool (shared between processes); empty when another sender holds it. */
    public Optional<AutoCloseable> tryLock() {
        try {
            FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            FileLock held0 = lock;
            return Optional.of(() -> {
                held0.release();
                ch.close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void syncDir() throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }
}
