package org.resetdesk.isapi;

import java.util.Locale;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Outcome;

/**
 * Maps HTTP status and ISAPI bodies ({@code ResponseStatus}, the {@code userCheck} lock report) to typed outcomes.
 * Pure. statusCode: 1 OK, 2 busy, 3 device error, 4 invalid operation (notSupport as NOT_SUPPORTED), 5 invalid XML
 * format and 6 invalid content, 7 reboot required.
 */
public final class IsapiStatus {
    private IsapiStatus() {}

    /** The outcome a {@code ResponseStatus} body states (any namespace), given the HTTP status it came with. */
    public static Outcome fromResponseStatus(int http, XmlNode status) {
        Integer code = integer(status.childText("statusCode"));
        String sub = status.childText("subStatusCode");
        String text = status.childText("statusString");
        Kind kind;
        if (code == null) {
            kind = http / 100 == 2 ? Kind.OK : fromHttp(http);
        } else {
            kind = switch (code) {
                case 1 -> Kind.OK;
                case 2 -> Kind.BUSY;
                case 3 -> Kind.DEVICE_ERROR;
                case 4 -> isNotSupported(sub) ? Kind.NOT_SUPPORTED : Kind.INVALID_OPERATION;
                case 5, 6 -> Kind.INVALID_CONTENT;
                case 7 -> Kind.REBOOT_REQUIRED;
                default -> Kind.DEVICE_ERROR;
            };
        }
        if (http == 401 || http == 403 && status.findText("lockStatus") != null) {
            return authFailure(http, status);
        }
        String detail = text == null ? null : text + (sub == null || sub.equalsIgnoreCase(text) ? "" : " / " + sub);
        return new Outcome(kind, http, code, sub, detail, null, null);
    }

    /** A 401 (or 403) with what the device said about the lock: UNAUTHORIZED with retries left, or LOCKED. */
    public static Outcome authFailure(int http, XmlNode body) {
        Integer retries = null;
        Integer unlock = null;
        String lockStatus = null;
        String text = "Unauthorized";
        if (body != null) {
            retries = integer(body.findText("retryLoginTime"));
            unlock = integer(body.findText("unlockTime"));
            lockStatus = body.findText("lockStatus");
            String s = body.findText("statusString");
            text = s == null ? text : s;
        }
        boolean locked = "lock".equalsIgnoreCase(lockStatus) || unlock != null && unlock > 0
                || retries != null && retries == 0 && lockStatus == null;
        return new Outcome(locked ? Kind.LOCKED : Kind.UNAUTHORIZED, http, null, lockStatus, text, retries,
                locked ? unlock : null);
    }

    /** An error status without a usable body. */
    public static Kind fromHttp(int http) {
        if (http / 100 == 2) {
            return Kind.OK;
        }
        return switch (http) {
            case 401 -> Kind.UNAUTHORIZED;
            case 404, 405, 501 -> Kind.NOT_SUPPORTED;
            case 400 -> Kind.INVALID_CONTENT;
            case 403 -> Kind.INVALID_OPERATION;
            case 503 -> Kind.BUSY;
            default -> Kind.DEVICE_ERROR;
        };
    }

    private static boolean isNotSupported(String sub) {
        return sub != null && sub.toLowerCase(Locale.ROOT).replace("_", "").startsWith("notsupport");
    }

    static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
