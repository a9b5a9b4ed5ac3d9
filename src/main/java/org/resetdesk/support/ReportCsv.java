package org.resetdesk.support;

import java.time.Duration;
import java.util.Locale;

/**
 * The report as CSV (RFC 4180, UTF-8, CRLF): one {@code metric,key,value} row per figure. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe. Pure.
 */
public final class ReportCsv {
    private ReportCsv() {}

    public static String toCsv(JobStats.Report r) {
        StringBuilder b = new StringBuilder("metric,key,value\r\n");
        row(b, "period", r.from() + "/" + r.to(), Integer.toString(r.jobs()));
        r.perDay().forEach((day, n) -> row(b, "jobs_per_day", day.toString(), n.toString()));
        r.perStaff().forEach((staff, n) -> row(b, "jobs_per_staff", staff, n.toString()));
        row(b, "succeeded", "", Integer.toString(r.succeeded()));
        row(b, "abandoned", "", Integer.toString(r.abandoned()));
        row(b, "success_rate", "", r.successRate().map(x -> String.format(Locale.ROOT, "%.3f", x)).orElse(""));
        JobStats.Turnaround t = r.turnaround();
        row(b, "turnaround_count", "", Integer.toString(t.count()));
        row(b, "turnaround_median_minutes", "", minutes(t.median()));
        row(b, "turnaround_mean_minutes", "", minutes(t.mean()));
        row(b, "turnaround_max_minutes", "", minutes(t.max()));
        r.voidedByReason().forEach((reason, n) -> row(b, "voided_by_reason", reason, n.toString()));
        return b.toString();
    }

    private static String minutes(Duration d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f", d.toSeconds() / 60.0);
    }

    private static void row(StringBuilder b, String metric, String key, String value) {
        b.append(cell(metric)).append(',').append(cell(key)).append(',').append(cell(value)).append("\r\n");
    }

    static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
