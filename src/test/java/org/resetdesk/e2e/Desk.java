package org.resetdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.resetdesk.e2e.E2eRig.Recorder;
import org.resetdesk.e2e.E2eRig.Result;
import org.resetdesk.testsupport.NsProcess;

/**
 * One kiosk job store ({@code --db}, {@code --data-dir}) in the kiosk namespace, with the dedicated port of one
 * recorder as its configured SADP interface ({@code RESETDESK_SADP_INTERFACE}, as a shop would configure it).
 */
final class Desk {
    final E2eRig rig;
    final Recorder recorder;
    final Path dir;
    final Path db;
    final Path data;

    Desk(E2eRig rig, Recorder recorder, Path dir) {
        this.rig = rig;
        this.recorder = recorder;
        this.dir = dir;
        this.db = dir.resolve("db/resetdesk");
        this.data = dir.resolve("data");
    }

    /** Starts the CLI with this desk's store; the caller feeds stdin and waits. */
    NsProcess start(String... args) {
        List<String> a = new ArrayList<>(List.of("--db", db.toString(), "--data-dir", data.toString()));
        a.addAll(List.of(args));
        return rig.java(rig.kiosk, Map.of("RESETDESK_SADP_INTERFACE", recorder.port), a.toArray(String[]::new));
    }

    /** Runs the CLI to completion with {@code stdin} (may be null). */
    Result run(String stdin, String... args) {
        NsProcess p = start(args);
        if (stdin != null) {
            p.writeStdin(stdin);
        }
        p.closeStdin();
        int exit = p.awaitExit(E2eRig.JVM);
        return new Result(exit, p.stdout(), p.stderr());
    }

    Result ok(String stdin, String... args) {
        Result r = run(stdin, args);
        assertThat(r.exit()).as("%s\nstdout: %s\nstderr: %s", List.of(args), r.out(), r.err()).isZero();
        return r;
    }

    /** {@code job open} for the recorder's own serial (as on its label); returns the job id. */
    String open(String labelSerial) {
        Result r = ok(null, "job", "open", "--staff", "anna", "--customer", "Max Muster", "--contact",
                "+49 170 1234567", "--ownership", "invoice:INV-1", "--label-serial", labelSerial, "--consent");
        String id = r.out().get(r.out().size() - 1).trim();
        assertThat(id).isNotBlank();
        return id;
    }

    JsonNode connect(String id) {
        JsonNode c = ok(null, "job", "connect", id, "--timeout-ms", "2000").json();
        assertThat(c.get("state").asText()).isEqualTo("IDENTIFIED");
        return c;
    }

    /** Opens a job for the recorder and connects it (state IDENTIFIED). */
    String openAndConnect() {
        String id = open(recorder.serial());
        connect(id);
        return id;
    }

    JsonNode export(String id, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("job", "export", id, "--out", out.toString()));
        a.addAll(List.of(extra));
        JsonNode e = ok(null, a.toArray(String[]::new)).json();
        assertThat(e.get("state").asText()).isEqualTo("REQUEST_EXPORTED");
        return e;
    }

    Result importKey(String id, String key, String password) {
        return run(password + "\n", "job", "import", id, "--key", key, "--new-password-stdin");
    }

    Result importFile(String id, Path reply, String password) {
        return run(password + "\n", "job", "import", id, "--reply", reply.toString(), "--new-password-stdin");
    }

    /** {@code support-desk answer REQ --key}: the 8-character key support would send. */
    String answerKey(Path request) {
        Result r = ok(null, "support-desk", "answer", request.toString(), "--key");
        return r.out().get(r.out().size() - 1).trim();
    }

    void answerFile(Path request, Path reply) {
        ok(null, "support-desk", "answer", request.toString(), "--out", reply.toString());
    }

    JsonNode status(String id) {
        return ok(null, "job", "status", id, "--json").json();
    }

    List<JsonNode> events(String id) {
        return ok(null, "job", "events", id, "--json").out().stream().map(E2eRig::json).toList();
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    static String detailOf(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).reduce((a, b) -> b)
                .map(e -> e.get("detail").asText()).orElseThrow(() -> new AssertionError("no " + type + " in "
                        + events));
    }

    /** What a scenario ends with: {@code job status}, {@code job events} and {@code audit verify}. */
    record Check(JsonNode status, List<JsonNode> events) {
        List<String> types() {
            return Desk.types(events);
        }
    }

    /**
     * Runs status, events and audit verify one after the other. (Not side by side: two CLI processes opening a
     * store that no process holds yet can fail with H2's "Lock file recently modified" — see the report.)
     */
    Check check(String id) {
        JsonNode status = status(id);
        List<JsonNode> events = events(id);
        auditVerifies();
        return new Check(status, events);
    }

    void auditVerifies() {
        Result r = run(null, "audit", "verify");
        assertThat(r.exit()).as("audit verify: %s %s", r.out(), r.err()).isZero();
    }
}
