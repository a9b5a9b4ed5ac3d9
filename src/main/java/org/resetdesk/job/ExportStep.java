package org.resetdesk.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The export step: asks the recorder for a reset request, stores it exactly as given (one file per attempt) and arms
 * the guards with the device's boot time and network as the baseline. A live attempt is only replaced on
 * confirmation, and then it is voided first.
 */
final class ExportStep {
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
            .withZone(ZoneOffset.UTC);

    private final JobService svc;
    private final RecorderLink link;
    private final Artifacts artifacts;
    private final Clock clock;

    ExportStep(JobService svc, RecorderLink link, Artifacts artifacts, Clock clock) {
        this.svc = svc;
        this.link = link;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    /** The SADP message that exports for this method (what the command policy judges). */
    static String wireName(ResetMethod method) {
        return switch (method) {
            case DEVICE_CODE -> "getcode";
            case RESERVED_EMAIL -> "GetQRcodes";
            default -> "getencryptstring";
        };
    }

    JobService.Exported export(String jobId, ResetMethod method, boolean confirmReExport) {
        Path[] file = new Path[1];
        byte[][] bytes = new byte[1][];
        String[] mailbox = new String[1];
        Job saved = svc.mutate(jobId, job -> {
            Job j = job;
            Optional<Refusal> policy = CommandPolicy.check(DeviceCommand.sadp(wireName(method)),
                    Optional.of(j), confirmReExport, clock.instant());
            if (policy.isPresent()) {
                throw new RefusedException(policy.get());
            }
            if (j.state().isArmed()) {
                j = svc.voidAttempt(j, Guards.REPLACED, GuardStatus.REPLACED);
            }
            if (j.state() == JobState.VOIDED) {
                j = svc.save(j.moveTo(JobState.IDENTIFIED, clock),
                        svc.event(j, "state.IDENTIFIED", "new attempt"));
            }
            if (j.state() != JobState.IDENTIFIED) {
                throw JobService.refused("export.refused.state", "job " + jobId + " is " + j.state()
                        + "; export needs an identified recorder");
            }
            Guards.mayExport(j, method).ifPresent(r -> {
                throw new RefusedException(r);
            });
            DeviceInfo now = link.poll(j.device().mac(), Duration.ofSeconds(3)).orElseThrow(() -> JobService.refused(
                    "export.refused.silent", "the recorder is not answering on the dedicated port"));
            Job polled = j.withDevice(now, link.port().name());
            Guards.identity(polled, now).ifPresent(r -> {
                throw new RefusedException(r);
            });
            RecorderLink.ExportResult result = link.export(now.mac(), method);
            if (!result.outcome().isSuccess()) {
                svc.save(polled, svc.event(j, "export.failed", JobService.outcomeText(result.outcome())));
                throw JobService.refused("export.refused.device", "the recorder refused the export: "
                        + JobService.outcomeText(result.outcome()), JobService.outcomeText(result.outcome()));
            }
            if (method.answeredByMail() && (result.codeSentTo() == null || result.codeSentTo().isBlank())) {
                // the device drew a QR code but has nowhere to send the code: nothing to wait for
                svc.save(polled, svc.event(j, "export.failed",
                        "no reserved e-mail address is set on the recorder"));
                throw JobService.refused("export.refused.noMailbox", "the recorder has no reserved e-mail address; "
                        + "choose another method");
            }
            Instant at = clock.instant();
            // one file per attempt: a confirmed re-export in the same minute must not collide
            String name = SerialNumbers.fileSafe(now.serial()) + "-"
                    + FILE_STAMP.format(at) + "-attempt" + (j.attemptCount() + 1) + ".xml";
            Artifacts.Stored stored = artifacts.store(jobId, name, result.request());
            RecorderLink.PortIdentity port = link.port();
            Attempt attempt = new Attempt(j.attemptCount() + 1, method, at, Guards.deadlineFor(now, at),
                    stored.sha256(), new Baseline(now.bootTime(), now.network(), port.name(), port.address()),
                    null, false);
            Job next = polled.withMethod(method).withAttempt(attempt).moveTo(JobState.REQUEST_EXPORTED, clock)
                    .withObservation(Observation.answered(at, now), GuardStatus.ANSWERING);
            file[0] = stored.path();
            bytes[0] = result.request();
            mailbox[0] = method.answeredByMail() ? result.codeSentTo() : null;
            return svc.save(next, svc.event(j, "export.written", name + " sha256=" + stored.sha256() + " bytes="
                            // the address is personal data: shown on screen, never written to the append-only log
                            + stored.size() + (mailbox[0] != null ? "; code goes to the reserved mailbox" : "")),
                    svc.event(j, "state.REQUEST_EXPORTED", "attempt " + attempt.number() + " armed, deadline "
                            + attempt.deadline()),
                    svc.event(j, "guard.armed", "boot time " + now.bootTime() + ", " + now.ipv4() + " on port "
                            + port.name()));
        });
        return new JobService.Exported(saved, file[0], bytes[0], mailbox[0]);
    }
}
