package org.resetdesk.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a packaging script (or any command) as a real process and keeps its exit code and output. */
final class Script {
    private static final long TIMEOUT_SECONDS = 30;

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private Script() {}

    static Path packaging(String relative) {
        return Path.of("packaging").resolve(relative).toAbsolutePath();
    }

    static Result run(Path workDir, Map<String, String> env, List<String> command) {
        try {
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().keySet().removeIf(k -> k.startsWith("SUDO_") || k.startsWith("RESETDESK_"));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Result run(Path workDir, List<String> command) {
        return run(workDir, Map.of(), command);
    }

    /** Runs {@code command} inside the network namespace {@code ns}. */
    static Result inNamespace(Path workDir, String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return run(workDir, full);
    }

    /** Runs a setup command that must succeed. */
    static String must(Path workDir, String... command) {
        Result r = run(workDir, List.of(command));
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r);
        }
        return r.out();
    }
}
