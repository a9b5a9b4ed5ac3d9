package org.resetdesk.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for a secret (a PIN, a customer's new password) in every file under some directories: database files,
 * logs, exported files. It searches the bytes of the secret in UTF-8 (which covers ASCII), UTF-16LE and UTF-16BE,
 * and looks inside zip archives (H2 backups) and gzip files. Use {@link #assertAbsent} at the end of a test that
 * handled the secret.
 */
public final class SecretScan {
    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    /** One place the secret was found: the file (with {@code !entry} for archive members) and the encoding. */
    public record Hit(String file, String encoding) {
        @Override
        public String toString() {
            return file + " (" + encoding + ")";
        }
    }

    private SecretScan() {}

    /** Fails listing every file (and encoding) under {@code roots} that contains {@code secret}. */
    public static void assertAbsent(char[] secret, Path... roots) {
        List<Hit> hits = find(secret, roots);
        if (!hits.isEmpty()) {
            throw new AssertionError("the secret was found in " + hits.size() + " place(s): " + hits);
        }
    }

    public static List<Hit> find(char[] secret, Path... roots) {
        if (secret == null || secret.length < 3) {
            throw new IllegalArgumentException("a secret to scan for needs at least 3 characters");
        }
        List<byte[]> exact = new ArrayList<>();
        for (Charset cs : ENCODINGS) {
            java.nio.ByteBuffer b = cs.encode(java.nio.CharBuffer.wrap(secret));
            byte[] n = new byte[b.remaining()];
            b.get(n);
            exact.add(n);
        }
        List<Hit> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    scan(f.toString(), Files.readAllBytes(f), exact, hits, 0);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot scan " + root + ": " + e.getMessage(), e);
            }
        }
        return hits;
    }

    private static void scan(String name, byte[] data, List<byte[]> needles, List<Hit> hits, int depth)
            throws IOException {
        for (int i = 0; i < needles.size(); i++) {
            if (indexOf(data, needles.get(i)) >= 0) {
                hits.add(new Hit(name, ENCODINGS.get(i).name()));
            }
        }
        if (depth > 2) {
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (isZip(data)) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    if (!e.isDirectory()) {
                        scan(name + "!" + e.getName(), zip.readAllBytes(), needles, hits, depth + 1);
                    }
                }
            }
        } else if (lower.endsWith(".gz") && data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                scan(name + "!gunzip", in.readAllBytes(), needles, hits, depth + 1);
            }
        }
    }

    private static boolean isZip(byte[] d) {
        return d.length > 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
