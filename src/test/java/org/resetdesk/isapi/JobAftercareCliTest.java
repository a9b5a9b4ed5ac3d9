package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resetdesk.cli.AftercareCommand;
import org.resetdesk.cli.CliContext;
import org.resetdesk.cli.CliSupport;
import org.resetdesk.cli.Commands;
import org.resetdesk.cli.RootCommand;
import org.resetdesk.config.KioskConfig;
import org.resetdesk.job.Artifacts;
import org.resetdesk.job.FakeJobRepository;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.JobRepository;
import org.resetdesk.job.JobState;
import org.resetdesk.job.RecorderLink;
import org.resetdesk.job.StaffDirectory;
import picocli.CommandLine;

/** {@code resetdesk job aftercare} as the integrator wires it: under {@code job}, context from CliSupport. */
class JobAftercareCliTest {
    private final Function<RootCommand, CliContext> savedFactory = CliSupport.contextFactory;

    @AfterEach
    void restore() {
        CliSupport.contextFactory = savedFactory;
        AftercareCommand.opener = null;
    }

    private static CliContext context(JobRepository repo, Clock clock) {
        return new CliContext() {
            @Override public KioskConfig config() { return null; }
            @Override public Clock clock() { return clock; }
            @Override public JobRepository jobs() { return repo; }
            @Override public StaffDirectory staff() { return null; }
            @Override public Artifacts artifacts() { return null; }
            @Override public RecorderLink link(String i) { throw new AssertionError("aftercare never uses SADP here"); }
            @Override public void close() {}
        };
    }

    @Test
    void verifiedRunMovesTheJobToAftercareAndStoresTheEvents() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            FakeJobRepository repo = new FakeJobRepository();
            repo.save(rig.openJob(), List.of());
            CliSupport.contextFactory = root -> context(repo, rig.clock);
            AftercareCommand.opener = (ctx, job, pin) -> rig.client(job);
            CommandLine cl = Commands.build();
            cl.getSubcommands().get("job").getCommandSpec().removeSubcommand("aftercare");
            cl.getSubcommands().get("job").addSubcommand("aftercare", new AftercareCommand()
                    .withInput(new ByteArrayInputStream((IsapiRig.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8))));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("job", "aftercare", "RD-000042", "--password-stdin", "--unbind-hik-connect");
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("\"hikConnectAfter\":\"UNBOUND\"");
            assertThat(repo.find("RD-000042").orElseThrow().state()).isEqualTo(JobState.AFTERCARE);
            assertThat(repo.events("RD-000042")).extracting(JobEvent::type)
                    .contains("state.AFTERCARE", "aftercare.verify", "aftercare.cloud", "aftercare.finished");
        }
    }

    @Test
    void aFailedVerificationKeepsTheStateButRecordsTheTry() throws Exception {
        try (IsapiRig rig = new IsapiRig()) {
            FakeJobRepository repo = new FakeJobRepository();
            repo.save(rig.openJob(), List.of());
            CliSupport.contextFactory = root -> context(repo, rig.clock);
            AftercareCommand.opener = (ctx, job, pin) -> rig.client(job);
            CommandLine cl = Commands.build();
            cl.getSubcommands().get("job").getCommandSpec().removeSubcommand("aftercare");
            cl.getSubcommands().get("job").addSubcommand("aftercare", new AftercareCommand()
                    .withInput(new ByteArrayInputStream("Wrong-1\n".getBytes(StandardCharsets.UTF_8))));
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            assertThat(cl.execute("job", "aftercare", "RD-000042", "--password-stdin")).isEqualTo(1);
            assertThat(repo.find("RD-000042").orElseThrow().state()).isEqualTo(JobState.PASSWORD_SET);
            assertThat(repo.events("RD-000042")).extracting(JobEvent::detail)
                    .anyMatch(d -> d.contains("stopped after one try"));
        }
    }
}
