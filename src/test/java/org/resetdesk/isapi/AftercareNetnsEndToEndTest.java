package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resetdesk.cli.AftercareCommand;
import org.resetdesk.job.DeviceInfo;
import org.resetdesk.job.Job;
import org.resetdesk.job.JobEvent;
import org.resetdesk.job.RecorderApi;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.testsupport.IsapiNetns;
import picocli.CommandLine;

/**
 * {@code job aftercare} end to end through network namespaces: the kiosk's dedicated port and the recorder on a veth
 * pair, the recorder's ISAPI server behind it. Includes a recorder in another subnet (factory default 192.0.0.64),
 * reached through an address borrowed by the real {@code packaging/bin/resetdesk-alias} helper.
 */
class AftercareNetnsEndToEndTest {
    private static final Path HELPER = Path.of("packaging/bin/resetdesk-alias").toAbsolutePath();

    /** The wiring Main would provide, with the job kept in memory. */
    private static final class Wiring implements AftercareCommand.Wiring {
        final Job job;
        final IsapiConnector connector;
        final Clock clock;
        final List<JobEvent> saved = new ArrayList<>();

        Wiring(Job job, IsapiConnector connector, Clock clock) {
            this.job = job;
            this.connector = connector;
            this.clock = clock;
        }

        @Override public Optional<Job> job(String id) { return Optional.of(job).filter(j -> j.id().equals(id)); }
        @Override public List<JobEvent> events(String jobId) { return saved; }
        @Override public RecorderApi open(Job j, Optional<String> pin) throws Exception { return connector.open(j, pin); }
        @Override public void save(Job j, List<JobEvent> events) { saved.addAll(events); }
        @Override public Clock clock() { return clock; }
    }

    private static Job jobAt(IsapiRig rig, String ip, String mask, String gateway) {
        Job j = rig.openJob();
        DeviceInfo d = j.device();
        return j.withDevice(new DeviceInfo(d.model(), d.serial(), d.mac(), ip, mask, gateway, d.firmware(),
                d.bootTime(), true, Set.of(), false, true, false, 48), "veth");
    }

    private static int run(Wiring w, String password, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new AftercareCommand(w)
                .withInput(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            cmd.getErr().println(ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Test
    void sameSubnetNeedsNoHelper() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiNetns net = IsapiNetns.create("10.66.1.1/24", "10.66.1.64/24")) {
            int port = net.bridge("10.66.1.64", 80, rig.server.address().getPort());
            AddressAlias absent = new AddressAlias(List.of("/nonexistent/resetdesk-alias"), net.kioskIf,
                    Duration.ofSeconds(10));
            IsapiConnector connector = new IsapiConnector("10.66.1.1/24", absent,
                    ip -> new IsapiEndpoint("127.0.0.1", port, null, Duration.ofSeconds(5)), rig.clock);
            Wiring w = new Wiring(jobAt(rig, "10.66.1.64", "255.255.255.0", "10.66.1.254"), connector, rig.clock);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = run(w, IsapiRig.PASSWORD, out, err, "RD-000042", "--password-stdin", "--enable-overwrite",
                    "--unbind-hik-connect");
            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString().trim());
            assertThat(json.get("verified").asBoolean()).isTrue();
            assertThat(json.get("overwriteAfter").asBoolean()).isTrue();
            assertThat(json.get("hikConnectAfter").asText()).isEqualTo("UNBOUND");
            assertThat(Files.readString(net.recorderLog())).contains("10.66.1.1:");
            assertThat(w.saved).extracting(JobEvent::type).contains("aftercare.finished");
        }
    }

    @Test
    void recorderInAnotherSubnetIsReachedThroughABorrowedAddressThatIsGivenBack() throws Exception {
        try (IsapiRig rig = new IsapiRig(); IsapiNetns net = IsapiNetns.create("10.66.2.1/24", "192.0.0.64/24")) {
            int port = net.bridge("192.0.0.64", 80, rig.server.address().getPort());
            Path conf = Files.writeString(net.dir.resolve("kiosk.properties"), "sadp.interface=" + net.kioskIf + "\n");
            List<String> helper = List.of("ip", "netns", "exec", net.kioskNs, HELPER.toString(), "--config",
                    conf.toString(), "--state-dir", net.dir.resolve("state").toString());
            Job job = jobAt(rig, "192.0.0.64", "255.255.255.0", "0.0.0.0");
            var endpoint = new IsapiEndpoint("127.0.0.1", port, null, Duration.ofSeconds(3));
            assertThat(AddressAlias.needed("10.66.2.1/24", "192.0.0.64")).isTrue();

            // without the borrowed address the kiosk cannot reach it (and the recorder is never re-addressed)
            try (IsapiClient direct = new IsapiClient(endpoint, org.resetdesk.job.Aftercare.gate(job, rig.clock), null)) {
                assertThat(direct.verify("admin", IsapiRig.PASSWORD.toCharArray()).kind()).isEqualTo(Kind.UNREACHABLE);
            }
            // no helper installed: a clear message, nothing sent
            IsapiConnector noHelper = new IsapiConnector("10.66.2.1/24", null, ip -> endpoint, rig.clock);
            StringWriter err0 = new StringWriter();
            assertThat(run(new Wiring(job, noHelper, rig.clock), IsapiRig.PASSWORD, new StringWriter(), err0,
                    "RD-000042", "--password-stdin")).isEqualTo(1);
            assertThat(err0.toString()).contains("outside the dedicated port's subnet").contains("no address helper");

            AddressAlias alias = new AddressAlias(helper, net.kioskIf, Duration.ofSeconds(15));
            IsapiConnector connector = new IsapiConnector("10.66.2.1/24", alias, ip -> endpoint, rig.clock);
            Wiring w = new Wiring(job, connector, rig.clock);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = run(w, IsapiRig.PASSWORD, out, err, "RD-000042", "--password-stdin", "--enable-overwrite");
            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString().trim());
            assertThat(json.get("verified").asBoolean()).isTrue();
            assertThat(json.get("serialMatchesLabel").asBoolean()).isTrue();
            assertThat(json.get("overwriteAfter").asBoolean()).isTrue();
            assertThat(json.get("hikConnectAfter").asText()).as("no unbind without consent").isEqualTo("BOUND");
            // the recorder saw the kiosk come from the borrowed address; the address is gone again afterwards
            assertThat(Files.readString(net.recorderLog())).contains("192.0.0.254:");
            assertThat(net.addresses(net.kioskNs, net.kioskIf)).containsExactly("10.66.2.1/24");
            assertThat(net.addresses(net.recorderNs, net.recorderIf)).containsExactly("192.0.0.64/24");
            assertThat(rig.server.received("PUT", "/ISAPI/System/Network")).isZero();
        }
    }

    @Test
    void theHelperOnlyTouchesTheDedicatedPortAndOnlyItsOwnAddresses() throws Exception {
        try (IsapiNetns net = IsapiNetns.create("10.66.3.1/24", "10.66.3.64/24")) {
            Path conf = Files.writeString(net.dir.resolve("kiosk.properties"), "sadp.interface=" + net.kioskIf + "\n");
            List<String> helper = List.of("ip", "netns", "exec", net.kioskNs, HELPER.toString(), "--config",
                    conf.toString(), "--state-dir", net.dir.resolve("st").toString());
            var otherPort = new AddressAlias(helper, "lo", Duration.ofSeconds(15));
            var e1 = org.assertj.core.api.Assertions.catchThrowableOfType(AddressAlias.AliasException.class,
                    () -> otherPort.borrow(List.of("192.0.0.254/24")));
            assertThat(e1.kind()).isEqualTo(AddressAlias.AliasException.Kind.REFUSED);
            assertThat(e1.getMessage()).contains("not the configured sadp.interface");
            var dedicated = new AddressAlias(helper, net.kioskIf, Duration.ofSeconds(15));
            // its own primary address is in use, and removing it is refused: the helper never added it
            var inUse = org.assertj.core.api.Assertions.catchThrowableOfType(AddressAlias.AliasException.class,
                    () -> dedicated.borrow(List.of("10.66.3.1/24")));
            assertThat(inUse.kind()).isEqualTo(AddressAlias.AliasException.Kind.IN_USE);
            var lease = dedicated.borrow(List.of("10.66.3.1/24", "172.31.9.254/24"));
            assertThat(lease.cidr()).isEqualTo("172.31.9.254/24");
            assertThat(net.addresses(net.kioskNs, net.kioskIf)).contains("172.31.9.254/24");
            lease.close();
            assertThat(net.addresses(net.kioskNs, net.kioskIf)).containsExactly("10.66.3.1/24");
            for (String bad : List.of("127.0.0.9/8", "224.0.0.1/24", "10.0.0.300/24", "10.1.1.1/31", "x")) {
                var e = org.assertj.core.api.Assertions.catchThrowableOfType(AddressAlias.AliasException.class,
                        () -> dedicated.borrow(List.of(bad)));
                assertThat(e.kind()).as(bad).isEqualTo(AddressAlias.AliasException.Kind.REFUSED);
            }
            assertThat(net.addresses(net.kioskNs, net.kioskIf)).containsExactly("10.66.3.1/24");
        }
    }
}
