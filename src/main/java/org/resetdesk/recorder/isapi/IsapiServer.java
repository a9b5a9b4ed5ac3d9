package org.resetdesk.recorder.isapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.resetdesk.recorder.isapi.DigestAuthenticator.Check;

/**
 * The virtual recorder's ISAPI server (com.sun.net.httpserver): Digest authentication with the recorder's login
 * lock, deviceInfo, time, users, userCheck, disks, the overwrite flag (storage extension or per track), Hik-Connect
 * binding, the reserved e-mail, and the endpoints a kiosk must never call during a job (reboot, factoryReset,
 * time and network PUTs, format) — they exist and are counted, so tests can prove nothing reached them.
 * Thread-safe; answers on a small pool of daemon threads until {@link #close}.
 */
public final class IsapiServer implements AutoCloseable {
    private static final int MAX_REQUEST = 64 * 1024;
    private static final Pattern LOOP = Pattern.compile("<(?:[\\w.-]+:)?LoopEnable\\b[^>]*>\\s*(\\w+)\\s*<");
    private static final Pattern EMAIL = Pattern.compile("<(?:[\\w.-]+:)?emailAddress>\\s*([^<\\s]+)\\s*<");
    private static final Pattern FORMAT = Pattern.compile("/isapi/contentmgmt/storage/hdd/(\\w+)/format");
    private static final Pattern TRACK = Pattern.compile("/isapi/contentmgmt/record/tracks/(\\d+)");

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY each answer waits for the
        // client's delayed ACK (~40 ms). Read once by com.sun.net.httpserver when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final IsapiDeviceState state;
    private final Options options;
    private final Clock clock;
    private final DigestAuthenticator digest;
    private final IsapiResponses xml;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger basicAuthorizations = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService pool;

    /**
     * @param dialect namespace of normal documents; {@code errorDialect} of ResponseStatus bodies
     * @param storageExtension overwrite lives in Storage/extension (else only per-track LoopEnable)
     * @param loopNeedsReboot answer statusCode 7 (reboot required) when the overwrite flag is changed
     * @param basicOnly offer Basic authentication only (a device the kiosk must refuse to log in to)
     */
    public record Options(IsapiDialect dialect, IsapiDialect errorDialect, boolean storageExtension,
                          boolean unbindSupported, boolean loopNeedsReboot, int lockAfter, Duration lockFor,
                          boolean basicOnly) {
        public static Options defaults() {
            return new Options(IsapiDialect.ISAPI_ORG, IsapiDialect.HIKVISION_V20, true, true, false, 7,
                    Duration.ofMinutes(30), false);
        }

        /**
         * The ISAPI flavour of each virtual recorder profile ({@code recorder --profile}): an NVR on V4.x firmware
         * (isapi.org, overwrite in Storage/extension, unbind offered), a DVR (hikvision ver20, errors in psialliance),
         * a camera (ver20, per-track overwrite, no unbind), legacy firmware (ver10 and std-cgi errors, per-track).
         */
        public static Options forProfile(String profile) {
            Options d = defaults();
            return switch (profile == null ? "nvr" : profile) {
                case "dvr" -> d.dialects(IsapiDialect.HIKVISION_V20, IsapiDialect.PSIA);
                case "camera" -> d.dialects(IsapiDialect.HIKVISION_V20, IsapiDialect.HIKVISION_V20).perTrackOverwrite()
                        .withoutUnbind();
                case "legacy" -> d.dialects(IsapiDialect.HIKVISION_V10, IsapiDialect.STD_CGI).perTrackOverwrite()
                        .withoutUnbind();
                default -> d;
            };
        }

        public Options dialects(IsapiDialect normal, IsapiDialect errors) {
            return new Options(normal, errors, storageExtension, unbindSupported, loopNeedsReboot, lockAfter, lockFor,
                    basicOnly);
        }

        public Options perTrackOverwrite() {
            return new Options(dialect, errorDialect, false, unbindSupported, loopNeedsReboot, lockAfter, lockFor,
                    basicOnly);
        }

        public Options withoutUnbind() {
            return new Options(dialect, errorDialect, storageExtension, false, loopNeedsReboot, lockAfter, lockFor,
                    basicOnly);
        }

        public Options rebootRequiredOnOverwrite() {
            return new Options(dialect, errorDialect, storageExtension, unbindSupported, true, lockAfter, lockFor,
                    basicOnly);
        }

        public Options basicAuthOnly() {
            return new Options(dialect, errorDialect, storageExtension, unbindSupported, loopNeedsReboot, lockAfter,
                    lockFor, true);
        }
    }

    private IsapiServer(IsapiDeviceState state, Options options, Clock clock, HttpServer server) {
        this.state = state;
        this.options = options;
        this.clock = clock;
        String realm = state.model() == null ? "DVR" : state.model().replaceAll("[^\\w/-]", "");
        this.digest = new DigestAuthenticator(realm, state, clock, options.lockAfter(), options.lockFor());
        this.xml = new IsapiResponses(options.dialect(), options.errorDialect());
        this.server = server;
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "isapi-server");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** Plain HTTP on {@code address} (port 0: an ephemeral port). */
    public static IsapiServer start(InetSocketAddress address, IsapiDeviceState state, Options options, Clock clock)
            throws IOException {
        return new IsapiServer(state, options, clock, HttpServer.create(address, 16));
    }

    /** HTTPS on {@code address} with the recorder's certificate in {@code tls}. */
    public static IsapiServer startHttps(InetSocketAddress address, SSLContext tls, IsapiDeviceState state,
                                         Options options, Clock clock) throws IOException {
        HttpsServer s = HttpsServer.create(address, 16);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new IsapiServer(state, options, clock, s);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** How many requests arrived with this method and a path starting with {@code pathPrefix} (case-insensitive). */
    public int received(String method, String pathPrefix) {
        String m = method.toUpperCase(Locale.ROOT) + " " + pathPrefix.toLowerCase(Locale.ROOT);
        return received.entrySet().stream().filter(e -> e.getKey().startsWith(m)).mapToInt(e -> e.getValue().get()).sum();
    }

    /** Requests that carried {@code Authorization: Basic} (a kiosk must never send one). */
    public int basicAuthorizations() {
        return basicAuthorizations.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getPath().toLowerCase(Locale.ROOT);
            received.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = readBody(ex.getRequestBody());
            if (body == null) {
                send(ex, 400, xml.status(path, 6, "Invalid Content", "badXmlContent"));
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Basic", 0, 5)) {
                basicAuthorizations.incrementAndGet();
            }
            if (options.basicOnly()) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + digest.realm() + "\"");
                send(ex, 401, xml.userCheckDenied(false, 0, options.lockAfter()));
                return;
            }
            String uri = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            Check check = digest.check(auth, method, uri);
            switch (check.verdict()) {
                case OK -> route(ex, method, path, new String(body, StandardCharsets.UTF_8));
                case NO_CREDENTIALS, STALE, WRONG -> {
                    ex.getResponseHeaders().add("WWW-Authenticate",
                            digest.challenge(check.verdict() == DigestAuthenticator.Verdict.STALE));
                    send(ex, 401, xml.userCheckDenied(false, 0, options.lockAfter() - check.lock().failures()));
                }
                case LOCKED -> {
                    ex.getResponseHeaders().add("WWW-Authenticate", digest.challenge(false));
                    send(ex, 401, xml.userCheckDenied(true,
                            IsapiResponses.secondsUntil(clock.instant(), check.lock().lockedUntil()), 0));
                }
            }
        } catch (RuntimeException e) {
            // a bug here must not kill the server thread silently: answer 500 when still possible
            try {
                send(ex, 500, xml.status(ex.getRequestURI().getPath(), 3, "Device Error", "internalError"));
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone
            }
        }
    }

    private void route(HttpExchange ex, String method, String path, String body) throws IOException {
        boolean get = method.equals("GET");
        boolean put = method.equals("PUT");
        Matcher format = FORMAT.matcher(path);
        Matcher track = TRACK.matcher(path);
        if (get && path.equals("/isapi/security/usercheck")) {
            send(ex, 200, xml.userCheckOk());
        } else if (get && path.equals("/isapi/system/deviceinfo")) {
            send(ex, 200, xml.deviceInfo(state));
        } else if (get && path.equals("/isapi/system/time")) {
            send(ex, 200, xml.time(state));
        } else if (get && path.equals("/isapi/security/users")) {
            send(ex, 200, xml.users());
        } else if (get && (path.equals("/isapi/contentmgmt/storage") || path.equals("/isapi/contentmgmt/storage/hdd"))) {
            send(ex, 200, xml.hddList(state, path.endsWith("storage")));
        } else if (put && format.matches()) {
            boolean ok = state.format(format.group(1));
            send(ex, ok ? 200 : 400, ok ? ok(path) : xml.status(path, 4, "Invalid Operation", "invalidHddID"));
        } else if (options.storageExtension() && path.equals("/isapi/contentmgmt/storage/extension") && (get || put)) {
            if (get) {
                send(ex, 200, xml.extension(state));
            } else {
                setLoop(ex, path, body);
            }
        } else if (!options.storageExtension() && path.equals("/isapi/contentmgmt/record/tracks") && get) {
            send(ex, 200, xml.tracks(state));
        } else if (!options.storageExtension() && track.matches() && (get || put)) {
            if (get) {
                send(ex, 200, xml.track(state, track.group(1), true));
            } else {
                setLoop(ex, path, body);
            }
        } else if (get && path.equals("/isapi/system/network/ezviz")) {
            send(ex, 200, xml.ezviz(state));
        } else if (get && path.equals("/isapi/system/network/capabilities")) {
            send(ex, 200, xml.networkCaps(options.unbindSupported()));
        } else if (put && options.unbindSupported() && path.equals("/isapi/system/network/ezviz/unbind")) {
            state.hikConnectBound(false);
            send(ex, 200, ok(path));
        } else if (put && path.equals("/isapi/security/emailcertification")) {
            Matcher m = EMAIL.matcher(body);
            if (m.find()) {
                state.reservedEmail(m.group(1));
                send(ex, 200, ok(path));
            } else {
                send(ex, 400, xml.status(path, 6, "Invalid Content", "badParameters"));
            }
        } else if (put && (path.equals("/isapi/system/reboot") || path.startsWith("/isapi/system/factoryreset")
                || path.equals("/isapi/system/time") || path.startsWith("/isapi/system/network/interfaces"))) {
            // exists on real devices; the virtual recorder only counts it (tests prove the kiosk never gets here)
            send(ex, 200, ok(path));
        } else {
            send(ex, 404, xml.status(path, 4, "Invalid Operation", "notSupport"));
        }
    }

    private void setLoop(HttpExchange ex, String path, String body) throws IOException {
        Matcher m = LOOP.matcher(body);
        if (!m.find() || !m.group(1).matches("(?i)true|false")) {
            send(ex, 400, xml.status(path, 6, "Invalid Content", "badXmlContent"));
            return;
        }
        state.loopEnable(Boolean.parseBoolean(m.group(1).toLowerCase(Locale.ROOT)));
        send(ex, 200, options.loopNeedsReboot() ? xml.status(path, 7, "Reboot Required", "rebootRequired") : ok(path));
    }

    private String ok(String path) {
        return xml.status(path, 1, "OK", "ok");
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_REQUEST + 1);
        return b.length > MAX_REQUEST ? null : b;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml; charset=\"UTF-8\"");
        ex.getResponseHeaders().set("Server", "App-webs/");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
