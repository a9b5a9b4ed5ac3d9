package org.resetdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.resetdesk.job.Intake;
import org.resetdesk.job.IntakePhoto;
import org.resetdesk.job.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "open", description = "record intake and open a job; prints the job id")
final class JobOpenCommand implements Callable<Integer> {
    static final String CONSENT_VERSION = "consent-2026-11-v1";

    @ParentCommand
    JobCommand parent;
    @Spec
    CommandSpec spec;
    @Option(names = "--staff", required = true)
    String staff;
    @Option(names = "--customer", required = true)
    String customer;
    @Option(names = "--contact", required = true)
    String contact;
    @Option(names = "--ownership", required = true, description = "KIND:REF, KIND = receipt|invoice|installer-letter|other")
    String ownership;
    @Option(names = "--label-serial", required = true)
    String labelSerial;
    @Option(names = "--consent", required = true, description = "the customer accepted the consent statement")
    boolean consent;
    @Option(names = "--notify", description = "the customer agreed to e-mail notifications")
    boolean notify;
    @Option(names = "--photo", description = "a JPEG or PNG to keep with the job (repeatable): the first is the device"
            + " label, the others proofs of ownership")
    List<java.nio.file.Path> photos = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        int colon = ownership.indexOf(':');
        if (colon <= 0 || colon == ownership.length() - 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--ownership must be KIND:REF, e.g. invoice:INV-2291");
        }
        Intake.OwnershipKind kind;
        try {
            kind = Intake.OwnershipKind.valueOf(ownership.substring(0, colon).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--ownership kind must be receipt, invoice, installer-letter or other");
        }
        CliSupport.mayCreateStore = true;
        try (CliContext ctx = parent.context()) {
            if (ctx.staff().find(staff).isEmpty()) {
                throw new CommandFailed("unknown staff id " + staff);
            }
            Intake intake = new Intake(staff, customer, contact, kind, ownership.substring(colon + 1), null, null,
                    consent ? CONSENT_VERSION : null, consent ? Instant.now(ctx.clock()) : null, notify, labelSerial,
                    List.of());
            Job job = CliSupport.await(JobCommand.service(ctx, null).open(intake, readPhotos()));
            spec.commandLine().getOut().println(job.id());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private List<IntakePhoto> readPhotos() {
        List<IntakePhoto> out = new java.util.ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            java.nio.file.Path f = photos.get(i);
            String file = f.getFileName().toString().toLowerCase(Locale.ROOT);
            String ext = file.endsWith(".png") ? ".png" : ".jpg";
            try {
                if (java.nio.file.Files.size(f) > IntakePhoto.MAX_BYTES) {
                    throw new CommandFailed("the photo " + f + " is larger than 8 MiB");
                }
                out.add(new IntakePhoto((i == 0 ? "label" : "proof-" + i) + ext, java.nio.file.Files.readAllBytes(f)));
            } catch (java.io.IOException e) {
                throw new CommandFailed("cannot read the photo " + f + ": " + e.getMessage());
            }
        }
        return out;
    }
}
