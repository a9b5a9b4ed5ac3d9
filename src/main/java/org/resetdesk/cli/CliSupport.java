package org.resetdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.resetdesk.job.RefusedException;

/** Shared plumbing for commands: the context factory Main installs, JSON Lines output, secrets from stdin. */
public final class CliSupport {
    /** Installed by Main: builds the context from the global options. */
    public static volatile Function<RootCommand, CliContext> contextFactory = r -> {
        throw new CommandFailed("no storage is configured in this build");
    };

    /** Set by commands that start a store (job open): others refuse a database that does not exist yet. */
    public static volatile boolean mayCreateStore;

    /** The root command of the command line being run (one per process; set by {@link Commands#build}). */
    public static volatile RootCommand root;

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private CliSupport() {}

    public static CliContext context(RootCommand root) {
        return contextFactory.apply(root);
    }

    /** One JSON object on one line (null values kept, so absent fields read as null). */
    public static void json(PrintWriter out, Map<String, ?> object) {
        try {
            out.println(JSON.writeValueAsString(object));
            out.flush();
        } catch (IOException e) {
            throw new CommandFailed("cannot write JSON: " + e.getMessage());
        }
    }

    /** Waits for a use case; a refusal becomes a one-line CommandFailed. */
    public static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RefusedException r) {
                throw new CommandFailed(r.getMessage());
            }
            if (c instanceof CommandFailed cf) {
                throw cf;
            }
            throw new CommandFailed(c.getClass().getSimpleName() + ": " + c.getMessage());
        }
    }

    /** Reads one line from stdin as characters (no String is made of it); the caller wipes the array. */
    public static char[] readSecretLine(InputStream in) {
        char[] out = readLine(in);
        if (out.length == 0) {
            throw new CommandFailed("no password on stdin");
        }
        return out;
    }

    /**
     * The next line of {@code in} as characters, without its line end (possibly empty). Reads byte by byte, so
     * further lines stay in the stream for the next call; the caller wipes the array.
     */
    public static char[] readLine(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    buf.write(b);
                }
            }
        } catch (IOException e) {
            throw new CommandFailed("cannot read standard input: " + e.getMessage());
        }
        byte[] bytes = buf.toByteArray();
        try {
            var cb = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
            char[] out = new char[cb.remaining()];
            cb.get(out);
            Arrays.fill(cb.array(), '\0');
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
