package org.resetdesk.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code job send ID [--email ADDRESS | --folder DIR]}: hands the support packet over and prints one JSON line
 * ({@code jobId, messageId, channel, status, where, deliveredNow}). Exit 1 with a one-line reason when refused.
 * The core is supplied lazily, so building the command line opens nothing.
 */
@Command(name = "send", description = "Hand the support packet (request, QR, form, label photo) to vendor support.")
public final class JobSendCommand implements Callable<Integer> {
    private final Supplier<SendCommandCore> core;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "job id")
    String jobId;

    static final class Target {
        @Option(names = "--email", paramLabel = "ADDRESS",
                description = "send to this address instead of support.email")
        String email;

        @Option(names = "--folder", paramLabel = "DIR", description = "write the packet into this folder")
        Path folder;
    }

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--where-bought", description = "where the customer bought the recorder")
    String whereBought;

    @Option(names = "--purchase-channel", description = "how it was bought (distributor, installer, shop, online)")
    String channel;

    @Option(names = "--device-date", description = "the recorder's current date as it shows it")
    String deviceDate;

    public JobSendCommand(Supplier<SendCommandCore> core) {
        this.core = core;
    }

    @Override
    public Integer call() throws Exception {
        try {
            RequestForm.Purchase purchase = whereBought == null && channel == null ? null
                    : new RequestForm.Purchase(whereBought, channel);
            SendCommandCore.Sent s = core.get().send(jobId, target == null ? null : target.email,
                    target == null ? null : target.folder, purchase, deviceDate);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jobId", jobId);
            out.put("messageId", s.receipt().messageId());
            out.put("channel", s.receipt().channel());
            out.put("status", s.receipt().status().name());
            out.put("where", s.receipt().where());
            out.put("deliveredNow", s.deliveredNow());
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(out));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (SendCommandCore.SendRefused | org.resetdesk.job.HandOff.HandOffFailed e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
