package org.resetdesk.sadp;

import java.util.Locale;
import org.resetdesk.job.DeviceOutcome;
import org.resetdesk.job.DeviceOutcome.Kind;

/** A command reply's {@code Result} as a typed {@link DeviceOutcome} (sadp-protocol.md §2.1, §9). Pure. */
public final class SadpOutcomes {
    private SadpOutcomes() {}

    /** No reply within the command timeout (SDK error 2011). */
    public static DeviceOutcome timeout() {
        return DeviceOutcome.of(Kind.TIMEOUT);
    }

    /**
     * Maps the reply. {@code retriesLeft} comes from {@code RetryTimes} (or {@code RetryModifyTime},
     * {@code RetryGUIDTime}), {@code lockedMinutes} from {@code SurplusLockTime}, whenever the device sent them.
     * A reply without {@code Result} maps to OTHER with a null raw result.
     */
    public static DeviceOutcome of(SadpDocument reply) {
        String result = reply.get("Result");
        Integer retries = first(reply.integer("RetryTimes"), reply.integer("RetryModifyTime"),
                reply.integer("RetryGUIDTime"));
        Integer locked = reply.integer("SurplusLockTime");
        return new DeviceOutcome(kind(result), retries, locked, result);
    }

    /** The kind for one Result text; case-insensitive; unknown texts are OTHER. */
    public static Kind kind(String result) {
        if (result == null) {
            return Kind.OTHER;
        }
        return switch (result.trim().toLowerCase(Locale.ROOT)) {
            case "success" -> Kind.SUCCESS;
            case "failed", "failure", "denied" -> Kind.DENIED;
            case "locked" -> Kind.LOCKED;
            case "notactivated" -> Kind.NOT_ACTIVATED;
            case "riskpassword" -> Kind.RISK_PASSWORD;
            case "hasactivated" -> Kind.HAS_ACTIVATED;
            case "emptyencryptstring" -> Kind.EMPTY_ENCRYPT_STRING;
            case "exportfileoverdue" -> Kind.EXPORT_FILE_OVERDUE;
            case "passworderror" -> Kind.PASSWORD_ERROR;
            case "answererror", "questionnumerr", "longanswer" -> Kind.ANSWER_ERROR;
            case "invalidguid" -> Kind.INVALID_GUID;
            case "notsetmailbox", "notexist" -> Kind.MAILBOX_NOT_SET;
            case "codeerror" -> Kind.CODE_ERROR;
            default -> Kind.OTHER;
        };
    }

    private static Integer first(Integer... values) {
        for (Integer v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
