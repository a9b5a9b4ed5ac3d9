package org.resetdesk.job;

import java.util.Optional;

/**
 * The one gate in front of every device command. While a recorder has an open job, nothing may reboot, restore,
 * re-activate, re-address or re-time it; an export while an attempt is armed needs the explicit "void and
 * re-export" confirmation; a reset while the device is locked out is refused with the time left.
 */
public final class CommandPolicy {
    private CommandPolicy() {}

    /**
     * @param openJob the open job on this recorder, if any
     * @param confirmedReExport staff confirmed that a new export voids the armed attempt
     */
    public static Optional<Refusal> check(DeviceCommand command, Optional<Job> openJob, boolean confirmedReExport,
                                          java.time.Instant now) {
        if (openJob.isEmpty()) {
            return Optional.empty();
        }
        Job job = openJob.get();
        CommandClass c = command.commandClass();
        if (c.forbiddenDuringOpenJob()) {
            return Optional.of(Refusal.of("policy.refused.openJob",
                    "refused: " + command.name() + " (" + c + ") is never sent to a recorder with an open job ("
                            + job.id() + ")", command.name(), job.id()));
        }
        if (c == CommandClass.EXPORT && job.attempt() != null && job.attempt().isArmed() && !confirmedReExport) {
            return Optional.of(Refusal.of("policy.refused.reExport",
                    "refused: job " + job.id() + " already has an exported request awaiting a reply; exporting again"
                            + " makes it worthless (confirm the re-export to void it)", job.id()));
        }
        if (c == CommandClass.RESET) {
            return Guards.lockout(job, now);
        }
        return Optional.empty();
    }
}
