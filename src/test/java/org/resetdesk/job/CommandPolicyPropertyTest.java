package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences against random job states: whatever the order, no command that reboots, restores,
 * re-activates, re-addresses or re-times a recorder ever passes the gate while the recorder has an open job.
 * Seeded, so a failure names a reproducible seed.
 */
class CommandPolicyPropertyTest {
    private static final List<String> SADP_TYPES = List.of("inquiry", "inquiry_v32", "exchangecode",
            "getencryptstring", "getcode", "reset", "reset_v31", "MailReset", "GUIDReset", "AnswerReset", "activate",
            "ezvizUnbind", "SetMailBox", "restoreInactive", "restoreInactive_v31", "update", "update_v31", "reboot",
            "restore", "EHomeEnable", "setBindList", "lamp", "selfCheck", "somethingNew");
    private static final List<String[]> ISAPI = List.of(new String[] {"PUT", "/ISAPI/System/reboot"},
            new String[] {"PUT", "/ISAPI/System/factoryReset?mode=basic"}, new String[] {"PUT", "/ISAPI/System/time"},
            new String[] {"PUT", "/ISAPI/System/Network/interfaces/1/ipAddress"},
            new String[] {"PUT", "/ISAPI/ContentMgmt/Storage/hdd/1/format"},
            new String[] {"PUT", "/ISAPI/System/updateFirmware"}, new String[] {"GET", "/ISAPI/System/deviceInfo"},
            new String[] {"GET", "/ISAPI/System/time"}, new String[] {"PUT", "/ISAPI/ContentMgmt/Storage/extension"},
            new String[] {"GET", "/ISAPI/Security/userCheck"}, new String[] {"POST", "/ISAPI/Whatever/new"});

    @Test
    void noForbiddenCommandEverPassesForAnOpenJob() {
        long seed = Long.getLong("policy.seed", 20261125L);
        Random rnd = new Random(seed);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        int forbiddenSeen = 0;
        for (int run = 0; run < 5_000; run++) {
            JobState state = JobState.values()[rnd.nextInt(JobState.values().length)];
            Job job = job(state, rnd.nextBoolean(), now);
            for (int step = 0; step < 20; step++) {
                DeviceCommand c = rnd.nextBoolean() ? DeviceCommand.sadp(SADP_TYPES.get(rnd.nextInt(SADP_TYPES.size())))
                        : isapi(ISAPI.get(rnd.nextInt(ISAPI.size())));
                Optional<Job> open = job.isOpen() ? Optional.of(job) : Optional.empty();
                Optional<Refusal> r = CommandPolicy.check(c, open, rnd.nextBoolean(), now);
                if (c.commandClass().forbiddenDuringOpenJob() && job.isOpen()) {
                    forbiddenSeen++;
                    assertThat(r).as("seed %d run %d: %s on %s", seed, run, c, state).isPresent();
                }
                if (!job.isOpen()) {
                    assertThat(r).as("no job, no refusal: %s", c).isEmpty();
                }
            }
        }
        assertThat(forbiddenSeen).isGreaterThan(10_000);
    }

    @Test
    void unknownCommandsAreTreatedAsDangerous() {
        assertThat(DeviceCommand.sadp("somethingNew").commandClass().forbiddenDuringOpenJob()).isTrue();
        assertThat(DeviceCommand.isapi("POST", "/ISAPI/Whatever/new").commandClass().forbiddenDuringOpenJob())
                .isTrue();
        assertThat(DeviceCommand.isapi("GET", "/ISAPI/Whatever/new").commandClass()).isEqualTo(CommandClass.READ);
    }

    @Test
    void expectedClassesForKnownCommands() {
        List<String> forbidden = new ArrayList<>();
        for (String t : SADP_TYPES) {
            if (DeviceCommand.sadp(t).commandClass().forbiddenDuringOpenJob()) {
                forbidden.add(t);
            }
        }
        assertThat(forbidden).containsExactlyInAnyOrder("restoreInactive", "restoreInactive_v31", "update",
                "update_v31", "reboot", "restore", "EHomeEnable", "setBindList", "somethingNew");
        for (String export : List.of("getencryptstring", "getcode", "GetQRcodes", "GetQRcodes_v31",
                "GetPhoneNoQRCode")) {
            // each draws a new RAM challenge on the device: the request with support would die unnoticed
            assertThat(DeviceCommand.sadp(export).commandClass()).as(export).isEqualTo(CommandClass.EXPORT);
            Instant now = Instant.parse("2026-11-25T10:00:00Z");
            assertThat(CommandPolicy.check(DeviceCommand.sadp(export), java.util.Optional.of(
                    job(JobState.AWAITING_REPLY, true, now)), false, now)).as(export).isPresent();
        }
        assertThat(DeviceCommand.isapi("PUT", "/ISAPI/ContentMgmt/Storage/hdd/1/format").commandClass())
                .isEqualTo(CommandClass.RESTORE);
        assertThat(DeviceCommand.isapi("PUT", "/ISAPI/System/time").commandClass()).isEqualTo(CommandClass.RETIME);
    }

    private static DeviceCommand isapi(String[] mp) {
        return DeviceCommand.isapi(mp[0], mp[1]);
    }

    private static Job job(JobState state, boolean armed, Instant now) {
        DeviceInfo d = FakeRecorderLink.nvr("2026-11-20 08:00:00");
        Attempt a = armed ? new Attempt(1, ResetMethod.ENCRYPTED_STRING, now, now.plusSeconds(3600), "s",
                new Baseline(d.bootTime(), d.network(), "eth1", "10.0.0.1"), null, false) : null;
        return new Job("RD-1", state, now, now, JobServiceTest.intake(d.serial()), d, ResetMethod.ENCRYPTED_STRING,
                a, armed ? 1 : 0, null, null, GuardStatus.IDLE, "eth1", null);
    }
}
