package org.resetdesk.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetdesk.job.Job;
import org.resetdesk.job.SerialNumbers;

/**
 * Finds the open job a reply belongs to: by the job number ({@code RD-000123}) in the subject or file name, else by
 * the 9-character short serial support names its files after ({@code Encrypt_681619114_o2.xml}). Two candidate
 * jobs, or none, leave the choice to staff. Pure.
 */
public final class ReplyMatcher {
    private static final Pattern JOB_ID =
            Pattern.compile("(?<![A-Za-z0-9])RD-\\d{4,}(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+");

    private ReplyMatcher() {}

    /** The job, and how it was found ({@code "job number"} or {@code "short serial"}). */
    public record Match(Job job, String how) {}

    public static Optional<Match> match(List<Job> openJobs, String fileName, String subject) {
        Set<String> ids = new LinkedHashSet<>();
        for (String text : new String[] {subject, fileName}) {
            if (text != null) {
                Matcher m = JOB_ID.matcher(text);
                while (m.find()) {
                    ids.add(m.group().toUpperCase(Locale.ROOT));
                }
            }
        }
        List<Job> byId = openJobs.stream().filter(j -> ids.contains(j.id().toUpperCase(Locale.ROOT))).toList();
        if (byId.size() == 1) {
            return Optional.of(new Match(byId.get(0), "job number"));
        }
        if (fileName == null) {
            return Optional.empty();
        }
        Set<String> tokens = new LinkedHashSet<>();
        Matcher t = TOKEN.matcher(fileName);
        while (t.find()) {
            tokens.add(t.group().toUpperCase(Locale.ROOT));
        }
        List<Job> bySerial = openJobs.stream()
                .filter(j -> shortSerials(j).stream().anyMatch(tokens::contains)).toList();
        return bySerial.size() == 1 ? Optional.of(new Match(bySerial.get(0), "short serial")) : Optional.empty();
    }

    private static Set<String> shortSerials(Job j) {
        Set<String> out = new LinkedHashSet<>();
        if (j.device() != null) {
            SerialNumbers.shortSerial(j.device().serial()).ifPresent(out::add);
        }
        if (j.intake() != null) {
            SerialNumbers.shortSerial(j.intake().labelSerial()).ifPresent(out::add);
        }
        return out;
    }
}
