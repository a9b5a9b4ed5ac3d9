package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.JobEvent;

class FormDetailsTest {
    @Test
    void roundTripsAwkwardValuesAndTheNewestWins() {
        String first = FormDetails.encode(new RequestForm.Purchase("A & B=C; shop", "online"), "2026-11-24");
        String second = FormDetails.encode(new RequestForm.Purchase("Müller & Söhne", null), null);
        List<JobEvent> events = List.of(JobEvent.of("RD-1", Instant.EPOCH, FormDetails.EVENT, first),
                JobEvent.of("RD-1", Instant.EPOCH, "note", "x"));
        FormDetails.Details d = FormDetails.latest(events).orElseThrow();
        assertThat(d.purchase()).isEqualTo(new RequestForm.Purchase("A & B=C; shop", "online"));
        assertThat(d.deviceDate()).isEqualTo("2026-11-24");

        FormDetails.Details newest = FormDetails.latest(List.of(events.get(0),
                JobEvent.of("RD-1", Instant.EPOCH, FormDetails.EVENT, second))).orElseThrow();
        assertThat(newest.purchase()).isEqualTo(new RequestForm.Purchase("Müller & Söhne", null));
        assertThat(newest.deviceDate()).isNull();
        assertThat(FormDetails.latest(List.of())).isEmpty();
        assertThat(FormDetails.decode("whereBought=%ZZ&channel=shop").purchase())
                .as("a damaged value is dropped, not thrown").isEqualTo(new RequestForm.Purchase(null, "shop"));
    }
}
