package org.resetdesk.isapi;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resetdesk.job.DeviceCommand;
import org.resetdesk.job.RecorderApi;
import org.resetdesk.job.Refusal;

/**
 * {@link RecorderApi} over ISAPI (recorder-console-and-isapi.md Part B) with Apache HttpClient 5: Digest only, HTTPS
 * with a per-job pinned certificate when the recorder offers it, XML read by local name in any namespace. Every call
 * passes the command policy {@code gate} ({@link org.resetdesk.job.Aftercare#gate}) before it is sent. There is no
 * method to reboot, reset, re-time or re-address a recorder; formatting is a separate, twice-confirmed call that the
 * policy refuses while a job is open. Not thread-safe: one job, one thread at a time.
 */
public final class IsapiClient implements RecorderApi {
    static final String USER_CHECK = "/ISAPI/Security/userCheck";
    static final String DEVICE_INFO = "/ISAPI/System/deviceInfo";
    static final String TIME = "/ISAPI/System/time";
    static final String HDD = "/ISAPI/ContentMgmt/Storage/hdd";
    static final String STORAGE = "/ISAPI/ContentMgmt/Storage";
    static final String EXTENSION = "/ISAPI/ContentMgmt/Storage/extension";
    static final String TRACKS = "/ISAPI/ContentMgmt/record/tracks";
    static final String EZVIZ = "/ISAPI/System/Network/EZVIZ";
    static final String NETWORK_CAPS = "/ISAPI/System/Network/capabilities";
    /** Assumed path: {@code isSupportEZVIZUnbind} is seen in real NetworkCap answers, the URL is not documented. */
    static final String EZVIZ_UNBIND = "/ISAPI/System/Network/EZVIZ/unbind";
    /** Assumed path for the reserved e-mail (not in the public ISAPI extracts); the policy decides whether it is sent. */
    static final String RESERVED_EMAIL = "/ISAPI/Security/emailCertification";
    private static final Pattern LOOP_FALSE =
            Pattern.compile("(<(?:[\\w.-]+:)?LoopEnable\\b[^>]*>)\\s*false\\s*(</)", Pattern.CASE_INSENSITIVE);

    private final IsapiTransport transport;
    /** Set by the first 401: nothing more is sent with these credentials (every wrong try counts on the device). */
    private Outcome stoppedBy;

    /**
     * @param gate the command policy for this job ({@code Aftercare.gate(job, clock)})
     * @param pinnedSha256 the certificate pinned for this job by an earlier contact, or null on first contact
     */
    public IsapiClient(IsapiEndpoint endpoint, Function<DeviceCommand, Optional<Refusal>> gate, String pinnedSha256) {
        this.transport = new IsapiTransport(endpoint, gate, pinnedSha256);
    }

    @Override
    public Result<Login> verify(String user, char[] password) {
        transport.credentials(user, password);
        stoppedBy = null;
        Result<XmlNode> r = call("GET", USER_CHECK, null);
        if (!r.accepted()) {
            return same(r);
        }
        XmlNode n = r.value();
        String status = n.findText("statusValue");
        if (status != null && !status.equals("200")) {
            return Result.failed(IsapiStatus.authFailure(401, n));
        }
        return Result.ok(new Login(bool(n.findText("isRiskPassword")), bool(n.findText("isActivated"))));
    }

    @Override
    public Result<Identity> deviceInfo() {
        return map(call("GET", DEVICE_INFO, null), n -> new Identity(n.findText("deviceName"), n.findText("model"),
                n.findText("serialNumber"), n.findText("macAddress"), n.findText("firmwareVersion"),
                n.findText("firmwareReleasedDate"), n.findText("deviceType")));
    }

    @Override
    public Result<DeviceClock> time() {
        return map(call("GET", TIME, null), n -> IsapiRecords.clock(n.findText("localTime"), n.findText("timeMode"),
                n.findText("timeZone")));
    }

    @Override
    public Result<List<Disk>> disks() {
        Result<XmlNode> r = call("GET", HDD, null);
        if (r.kind() == Kind.NOT_SUPPORTED) {
            r = call("GET", STORAGE, null);
        }
        return map(r, n -> n.all("hdd").stream().map(IsapiRecords::disk).toList());
    }

    @Override
    public Result<Boolean> overwrite() {
        Result<XmlNode> r = call("GET", EXTENSION, null);
        if (r.kind() == Kind.NOT_SUPPORTED || r.accepted() && r.value().findText("LoopEnable") == null) {
            return map(call("GET", TRACKS, null), IsapiRecords::tracksLoop);
        }
        return map(r, n -> bool(n.findText("LoopEnable")));
    }

    @Override
    public Result<Boolean> enableOverwrite() {
        Result<byte[]> doc = raw("GET", EXTENSION);
        if (doc.accepted() && LOOP_FALSE.matcher(text(doc.value())).find()) {
            Result<XmlNode> put = call("PUT", EXTENSION, loopOn(text(doc.value())));
            return put.accepted() ? readBack(put.outcome()) : same(put);
        }
        if (doc.accepted() && Boolean.TRUE.equals(bool(parseOrNull(doc.value()).findText("LoopEnable")))) {
            return Result.ok(true);
        }
        if (!doc.accepted() && doc.kind() != Kind.NOT_SUPPORTED) {
            return same(doc);
        }
        return enablePerTrack();
    }

    private Result<Boolean> enablePerTrack() {
        Result<XmlNode> list = call("GET", TRACKS, null);
        if (!list.accepted()) {
            return same(list);
        }
        Outcome last = Outcome.ok();
        for (XmlNode track : list.value().all("Track")) {
            String id = track.childText("id");
            // the id goes into a URL: only the numeric track ids devices use (101, 201, ...)
            if (id == null || !id.matches("\\d{1,6}") || !"false".equalsIgnoreCase(track.findText("LoopEnable"))) {
                continue;
            }
            Result<byte[]> one = raw("GET", TRACKS + "/" + id);
            if (!one.accepted()) {
                return same(one);
            }
            Result<XmlNode> put = call("PUT", TRACKS + "/" + id, loopOn(text(one.value())));
            if (!put.accepted()) {
                return same(put);
            }
            last = put.outcome().kind() == Kind.REBOOT_REQUIRED ? put.outcome() : last;
        }
        return readBack(last);
    }

    private Result<Boolean> readBack(Outcome write) {
        Result<Boolean> now = overwrite();
        return now.accepted() ? Result.ok(now.value(), write) : now;
    }

    @Override
    public Result<CloudStatus> cloudStatus() {
        Result<XmlNode> caps = call("GET", NETWORK_CAPS, null);
        boolean unbind = caps.accepted() && Boolean.TRUE.equals(bool(caps.value().findText("isSupportEZVIZUnbind")));
        return map(call("GET", EZVIZ, null), n -> IsapiRecords.cloud(n, unbind));
    }

    @Override
    public Result<CloudStatus> unbindCloud(char[] password) {
        // The password is proven by Digest on this very request; it never travels in a body.
        Result<CloudStatus> before = cloudStatus();
        if (!before.accepted()) {
            return before;
        }
        if (!before.value().unbindSupported()) {
            return Result.failed(Outcome.of(Kind.NOT_SUPPORTED, 0, "the recorder does not offer unbinding over ISAPI"));
        }
        Result<XmlNode> put = call("PUT", EZVIZ_UNBIND, null);
        if (!put.accepted()) {
            return same(put);
        }
        Result<CloudStatus> after = cloudStatus();
        return after.accepted() ? Result.ok(after.value(), put.outcome()) : after;
    }

    @Override
    public Result<Boolean> setReservedEmail(String address) {
        if (address == null || !address.matches("[^@\\s<>&\"']+@[^@\\s<>&\"']+\\.[^@\\s<>&\"']+")) {
            return Result.failed(Outcome.of(Kind.INVALID_CONTENT, 0, "not an e-mail address"));
        }
        Result<XmlNode> put = call("PUT", RESERVED_EMAIL,
                "<EmailCertification><emailAddress>" + address + "</emailAddress></EmailCertification>");
        return put.accepted() ? Result.ok(true, put.outcome()) : same(put);
    }

    /**
     * Formats one disk: destroys its recordings. Never part of aftercare; only on an explicit request confirmed twice
     * (see {@link FormatConfirmation}); the command policy refuses it while the recorder has an open job.
     */
    public Result<Boolean> formatDisk(FormatConfirmation confirmation) {
        if (confirmation == null || !confirmation.isComplete()) {
            return Result.failed(Outcome.of(Kind.REFUSED, 0,
                    "formatting needs the disk id typed twice as \"FORMAT <id>\" after the customer's consent"));
        }
        Result<XmlNode> put = call("PUT", HDD + "/" + confirmation.diskId() + "/format", null);
        return put.accepted() ? Result.ok(true, put.outcome()) : same(put);
    }

    @Override
    public Transport transport() {
        return transport.transport();
    }

    @Override
    public void close() {
        transport.close();
    }

    /** One call: refusal, transport failure, error body or the parsed document. */
    Result<XmlNode> call(String method, String path, String body) {
        return raw(method, path, body).result;
    }

    private record Raw(Result<XmlNode> result, byte[] body) {}

    /** The one place requests leave: stops for good after an authentication failure. */
    private Raw raw(String method, String path, String body) {
        if (stoppedBy != null) {
            return new Raw(Result.failed(new Outcome(stoppedBy.kind(), 0, null, null, "not sent: the recorder refused"
                    + " the login earlier (" + stoppedBy.plain() + "); the kiosk does not retry on its own",
                    stoppedBy.retriesLeft(), stoppedBy.unlockSeconds())), null);
        }
        IsapiTransport.Exchange x = transport.exchange(method, path, body);
        Result<XmlNode> r = result(x);
        if (r.kind() == Kind.UNAUTHORIZED || r.kind() == Kind.LOCKED) {
            stoppedBy = r.outcome();
        }
        return new Raw(r, x.body());
    }

    private static Result<XmlNode> result(IsapiTransport.Exchange x) {
        if (x.refusal() != null) {
            return Result.refused(x.refusal());
        }
        if (x.failed()) {
            return Result.failed(x.failure());
        }
        XmlNode node = parseOrNull(x.body());
        if (x.status() == 401 || x.status() == 403 && node != null && node.findText("lockStatus") != null) {
            return Result.failed(IsapiStatus.authFailure(x.status(), node));
        }
        if (node != null && node.name().equalsIgnoreCase("ResponseStatus")) {
            Outcome o = IsapiStatus.fromResponseStatus(x.status(), node);
            return o.accepted() ? Result.ok(node, o) : Result.failed(o);
        }
        if (x.status() / 100 != 2) {
            return Result.failed(Outcome.of(IsapiStatus.fromHttp(x.status()), x.status(), "HTTP " + x.status()));
        }
        if (node == null) {
            return Result.failed(Outcome.of(Kind.BAD_RESPONSE, x.status(), describeBad(x.body())));
        }
        return Result.ok(node);
    }

    private Result<byte[]> raw(String method, String path) {
        Raw x = raw(method, path, null);
        return x.result().accepted() ? Result.ok(x.body(), x.result().outcome()) : same(x.result());
    }

    private static String loopOn(String doc) {
        Matcher m = LOOP_FALSE.matcher(doc);
        return m.replaceAll("$1true$2");
    }

    private static XmlNode parseOrNull(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : IsapiXml.parse(body);
        } catch (IsapiFormatException e) {
            return null;
        }
    }

    private static String describeBad(byte[] body) {
        try {
            IsapiXml.parse(body);
            return "unexpected answer";
        } catch (IsapiFormatException e) {
            return e.getMessage();
        }
    }

    private static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s.trim().equalsIgnoreCase("true"));
    }

    private static <T> Result<T> map(Result<XmlNode> r, Function<XmlNode, T> f) {
        return r.accepted() ? Result.ok(f.apply(r.value()), r.outcome()) : same(r);
    }

    private static <T> Result<T> same(Result<?> r) {
        return new Result<>(null, r.outcome(), r.refusal());
    }

    /** "FORMAT &lt;id&gt;" typed twice by staff after the customer agreed that the disk's recordings are lost. */
    public record FormatConfirmation(String diskId, boolean customerConsented, String firstTyped, String secondTyped) {
        public boolean isComplete() {
            String expected = "FORMAT " + diskId;
            return diskId != null && diskId.matches("\\d{1,3}") && customerConsented && expected.equals(firstTyped)
                    && expected.equals(secondTyped);
        }
    }
}
