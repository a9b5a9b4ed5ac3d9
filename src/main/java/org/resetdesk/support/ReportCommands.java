package org.resetdesk.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report csv --out FILE [--from DATE] [--to DATE]} and {@code report daily-summary [--date DATE]}. Each prints
 * one JSON line; exit 1 with a one-line reason when refused, 2 for bad usage (picocli's own, and a reversed range).
 * The core is supplied lazily, so building the command line opens nothing.
 */
@Command(name = "report", description = "reports: the job list as CSV and the manager's daily summary")
public final class ReportCommands {
    private ReportCommands() {}

    /** The {@code report} group with its two subcommands, each building its core only when it runs. */
    public static CommandLine group(Supplier<ReportCore> core) {
        return new CommandLine(new ReportCommands())
                .addSubcommand("csv", new Csv(core))
                .addSubcommand("daily-summary", new DailySummary(core));
    }

    @Command(name = "csv", description = "write every job (or those opened from --from to --to) as CSV;"
            + " personal data as the store holds it after retention")
    static final class Csv implements Callable<Integer> {
        private final Supplier<ReportCore> core;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
        Path out;

        @Option(names = "--from", paramLabel = "DATE", description = "first day (yyyy-MM-dd, shop time), inclusive")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "last day (yyyy-MM-dd, shop time), inclusive")
        LocalDate to;

        Csv(Supplier<ReportCore> core) {
            this.core = core;
        }

        @Override
        public Integer call() throws Exception {
            if (from != null && to != null && from.isAfter(to)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--from " + from + " is after --to " + to);
            }
            try (ReportCore c = core.get()) {
                ReportCore.Written w = c.csv(out, from, to);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", w.file().toString());
                m.put("jobs", w.jobs());
                m.put("from", from == null ? null : from.toString());
                m.put("to", to == null ? null : to.toString());
                return print(spec, m);
            } catch (ReportCore.ReportRefused e) {
                return refuse(spec, e);
            }
        }
    }

    @Command(name = "daily-summary", description = "queue the manager's summary of one day (default: yesterday)"
            + " and send it now when the mail server answers")
    static final class DailySummary implements Callable<Integer> {
        private final Supplier<ReportCore> core;

        @Spec
        CommandSpec spec;

        @Option(names = "--date", paramLabel = "DATE", description = "the day to summarise (yyyy-MM-dd, shop time)")
        LocalDate date;

        DailySummary(Supplier<ReportCore> core) {
            this.core = core;
        }

        @Override
        public Integer call() throws Exception {
            try (ReportCore c = core.get()) {
                LocalDate day = date != null ? date : c.yesterday();
                ReportCore.Summary s = c.dailySummary(day);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("date", s.day().toString());
                m.put("messageId", s.messageId());
                m.put("to", s.to());
                m.put("deliveredNow", s.deliveredNow());
                return print(spec, m);
            } catch (ReportCore.ReportRefused e) {
                return refuse(spec, e);
            }
        }
    }

    private static int print(CommandSpec spec, Map<String, Object> m) throws Exception {
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(m));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static int refuse(CommandSpec spec, RuntimeException e) {
        spec.commandLine().getErr().println(e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
    }
}
