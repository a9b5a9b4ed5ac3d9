package org.resetdesk.support;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resetdesk.job.JobEvent;

/**
 * What staff told the support form at the counter (where and how the recorder was bought, the date it shows), kept as
 * a {@value #EVENT} event so a later send ({@code job send ID}, a resend from the kiosk) fills the form the same way.
 * Not personal data: no names, no contact. Values are URL-encoded in the event's detail.
 */
public final class FormDetails {
    public static final String EVENT = "support.formDetails";

    /** The remembered answers; any of them may be null. */
    public record Details(RequestForm.Purchase purchase, String deviceDate) {}

    private FormDetails() {}

    public static String encode(RequestForm.Purchase purchase, String deviceDate) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("whereBought", purchase == null ? null : purchase.whereBought());
        m.put("channel", purchase == null ? null : purchase.channel());
        m.put("deviceDate", deviceDate);
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.append(b.length() == 0 ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    /** The newest details among the job's events, or empty when staff never gave any. */
    public static Optional<Details> latest(List<JobEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JobEvent e = events.get(i);
            if (EVENT.equals(e.type()) && e.detail() != null) {
                return Optional.of(decode(e.detail()));
            }
        }
        return Optional.empty();
    }

    static Details decode(String detail) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : detail.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    m.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException bad) {
                    // a damaged value is left out; the form then asks for it again
                }
            }
        }
        String where = m.get("whereBought");
        String channel = m.get("channel");
        return new Details(where == null && channel == null ? null : new RequestForm.Purchase(where, channel),
                m.get("deviceDate"));
    }
}
