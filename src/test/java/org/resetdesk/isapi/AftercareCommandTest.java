package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.resetdesk.cli.AftercareCommand;
import org.resetdesk.cli.Commands;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.RecorderApi;
import picocli.CommandLine;

/** The CLI core over loopback: JSON line, exit codes, the pin carried from one run to the next. */
class AftercareCommandTest {

    private record Outcome(int code, String out, String err) {}

    private static final class Wiring implements AftercareCommand.Wiring {
        final IsapiRig rig;
        final Job job;
        final List<JobEvent> saved = new ArrayList<>();
        final List<Optional<String>> pins = new ArrayList<>();

        Wiring(IsapiRig rig) {
            this.rig = rig;
            this.job = rig.openJob();
        }

        @Override public Optional<Job> job(String id) { return Optional.of(job).filter(j -> j.id().equals(id)); }
        @Override public List<JobEvent> events(String jobId) { return saved; }
        @Override public void save(Job j, List<JobEvent> events) { saved.addAll(events); }
        @Override public Clock clock() { return rig.clock; }

        @Override
        public RecorderApi open(Job j, Optional<String> pin) {
            pins.add(pin);
            return rig.client(j);
        }
    }

    private static Outcome run(AftercareCommand.Wiring w, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the same exception handling as the real root command
        CommandLine cl = new CommandLine(new AftercareCommand(w)
                .withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cl.setExecutionExceptionHandler(Commands.build().getExecutionExceptionHandler());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Outcome(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void printsOneJsonLineWithTheContractKeys() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            Wiring w = new Wiring(rig);
            Outcome o = run(w, IsapiRig.PASSWORD + "\r\n", "RD-000042", "--password-stdin");
            assertThat(o.code()).as(o.err()).isZero();
            assertThat(o.out().strip().lines()).hasSize(1);
            JsonNode j = new ObjectMapper().readTree(o.out());
            assertThat(j.get("id").asText()).isEqualTo("RD-000042");
            assertThat(j.get("verified").asBoolean()).isTrue();
            assertThat(j.get("serial").asText()).isEqualTo(IsapiRig.SERIAL);
            assertThat(j.get("disks").get(0).get("capacityMiB").asLong()).isEqualTo(1907729);
            assertThat(j.get("disks").get(0).get("freeMiB").asLong()).isZero();
            assertThat(j.get("overwriteBefore").asBoolean()).isFalse();
            assertThat(j.get("overwriteAfter").asBoolean()).isFalse();
            assertThat(j.get("hikConnectBefore").asText()).isEqualTo("BOUND");
            assertThat(j.get("advice").size()).isPositive();
            assertThat(o.out()).doesNotContain(IsapiRig.PASSWORD);
            assertThat(w.saved).isNotEmpty().allMatch(e -> !e.detail().contains(IsapiRig.PASSWORD));
            assertThat(rig.state.loopEnable()).isFalse();
        }
    }

    @Test
    void wrongPasswordExitsOneAfterOneTryWithTheJsonAndARetryCount() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            Outcome o = run(new Wiring(rig), "Wrong-Pass-55\n", "RD-000042", "--password-stdin", "--enable-overwrite");
            assertThat(o.code()).isEqualTo(1);
            assertThat(o.err().strip()).startsWith("the password was not verified").contains("retries left 6")
                    .doesNotContain("\n");
            JsonNode j = new ObjectMapper().readTree(o.out());
            assertThat(j.get("retriesLeft").asInt()).isEqualTo(6);
            assertThat(j.get("mayRetry").asBoolean()).isTrue();
            assertThat(rig.state.loginLock().failures()).isEqualTo(1);
            assertThat(rig.server.received("PUT", "/")).isZero();
        }
    }

    @Test
    void usageAndLookupErrors() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            assertThat(run(new Wiring(rig), IsapiRig.PASSWORD + "\n", "RD-000042").code()).isEqualTo(2);
            Outcome unknown = run(new Wiring(rig), IsapiRig.PASSWORD + "\n", "RD-999", "--password-stdin");
            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).contains("no job RD-999");
            Outcome empty = run(new Wiring(rig), "\n", "RD-000042", "--password-stdin");
            assertThat(empty.code()).isEqualTo(1);
            assertThat(empty.err()).contains("no password");
            assertThat(rig.server.received("GET", "/")).isZero();
            AftercareCommand.wiring = null;
            assertThat(run(null, "x\n", "RD-000042", "--password-stdin").err()).contains("not available");
        }
    }
}
