package org.resetdesk.job;

import java.time.Clock;
import java.util.Optional;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.CloudStatus;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Result;

/**
 * The Hik-Connect step of aftercare: read the binding over ISAPI (SADP {@code getUnbindStatus} when ISAPI cannot
 * tell), and with the customer's consent unbind over ISAPI, or over SADP {@code ezvizUnbind} when the recorder's ISAPI
 * cannot. SADP calls pass the command policy like every other device command. One run, one thread.
 */
final class AftercareCloud {
    private final AftercareFindings d;
    private final RecorderApi api;
    private final Aftercare.SadpCloud sadp;
    private final Clock clock;

    AftercareCloud(AftercareFindings d, RecorderApi api, Aftercare.SadpCloud sadp, Clock clock) {
        this.d = d;
        this.api = api;
        this.sadp = sadp;
        this.clock = clock;
    }

    void run(char[] password, boolean consent) {
        Result<CloudStatus> isapi = api.cloudStatus();
        d.note(isapi);
        Binding b = isapi.value() == null ? null : isapi.value().binding();
        if ((b == null || b == Binding.UNKNOWN) && allowed("getUnbindStatus")) {
            b = fromSadp(sadp.unbindStatus(), b);
        }
        d.cloudBefore = b;
        d.cloudAfter = b;
        if (b != Binding.BOUND || !consent) {
            d.event("aftercare.cloud", "Hik-Connect: " + (b == null ? "unknown (" + isapi.outcome().plain() + ")" : b));
            if (b == Binding.BOUND) {
                d.advice.add("The recorder is still bound to a Hik-Connect account (often the installer's). The"
                        + " customer can ask us to unbind it.");
            }
            return;
        }
        boolean overIsapi = isapi.value() != null && isapi.value().unbindSupported();
        String how;
        if (overIsapi || sadp == null) {
            Result<CloudStatus> after = api.unbindCloud(password);
            d.note(after);
            if (after.accepted() && after.value() != null) {
                d.cloudAfter = after.value().binding();
            }
            how = "ISAPI: " + after.outcome().plain();
            if (after.kind() == Kind.NOT_SUPPORTED) {
                d.advice.add("This recorder cannot be unbound over its web API: use the Unbind button in SADP or the"
                        + " Hik-Connect app on the same network, with the new admin password.");
            }
        } else if (allowed("ezvizUnbind")) {
            DeviceOutcome o = sadp.ezvizUnbind(password);
            how = "SADP ezvizUnbind: " + o.kind() + (o.retriesLeft() == null ? "" : ", retries left " + o.retriesLeft())
                    + (o.lockedMinutes() == null ? "" : ", locked " + o.lockedMinutes() + " min");
            if (o.isSuccess()) {
                d.cloudAfter = allowed("getUnbindStatus") ? fromSadp(sadp.unbindStatus(), Binding.UNBOUND)
                        : Binding.UNBOUND;
            }
        } else {
            how = "refused by the command policy";
        }
        d.event("aftercare.cloud", "bound to a Hik-Connect account; unbinding over " + how + "; now " + d.cloudAfter);
        if (d.cloudAfter == Binding.UNBOUND) {
            d.advice.add("The recorder is no longer bound to the previous Hik-Connect account: the customer can add"
                    + " it to their own account in the app.");
        } else if (d.advice.stream().noneMatch(a -> a.startsWith("This recorder cannot be unbound"))) {
            d.advice.add("Unbinding from the old Hik-Connect account did not succeed (" + how + "). The installer,"
                    + " or Hikvision support with the label photo and invoice, can release it.");
        }
    }

    private boolean allowed(String types) {
        if (sadp == null) {
            return false;
        }
        Optional<Job> open = d.job.isOpen() ? Optional.of(d.job) : Optional.empty();
        Optional<Refusal> r = CommandPolicy.check(DeviceCommand.sadp(types), open, false, clock.instant());
        r.ifPresent(refusal -> d.event("aftercare.refused", refusal.text()));
        return r.isEmpty();
    }

    private static Binding fromSadp(DeviceOutcome o, Binding otherwise) {
        String raw = o == null || o.rawResult() == null ? "" : o.rawResult();
        return switch (raw) {
            case "success" -> Binding.BOUND;
            case "notBind" -> Binding.UNBOUND;
            default -> otherwise;
        };
    }
}
