package org.resetdesk.recorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback-only HTTP control API of a virtual recorder (how trainers and tests cause faults). Every answer is one
 * JSON line: the state after the action, or {@code {"error": "..."}} with status 400/405.
 * <pre>
 * GET  /state
 * POST /reboot[?downMs=N]      POST /power-off      POST /power-on[?downMs=N]
 * POST /set-ip?ip=A.B.C.D/NN[&amp;gateway=G]         POST /clock?advance=+Nh|+Nm|+Ns|+Nd
 * POST /quirks?truncate=true|false
 * </pre>
 */
public final class ControlServer implements AutoCloseable {
    private static final Pattern CLOCK = Pattern.compile("([+-]?)(\\d{1,7})([dhms])");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VirtualRecorder recorder;
    private final HttpServer server;
    private final ExecutorService executor;

    /** Binds 127.0.0.1:port (0 = any free port) and starts serving. */
    public ControlServer(VirtualRecorder recorder, int port) throws IOException {
        this.recorder = recorder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "recorder-control-" + recorder.serial());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            boolean post = "POST".equals(ex.getRequestMethod());
            if (!post && !path.equals("/state")) {
                respond(ex, 405, Map.of("error", "use POST for " + path));
                return;
            }
            try {
                act(path, q);
            } catch (IllegalArgumentException | IllegalStateException e) {
                respond(ex, 400, Map.of("error", e.getMessage()));
                return;
            }
            respond(ex, 200, recorder.snapshot().toMap());
        }
    }

    private void act(String path, Map<String, String> q) {
        switch (path) {
            case "/state" -> { }
            case "/reboot" -> recorder.reboot(downTime(q));
            case "/power-off" -> recorder.powerOff();
            case "/power-on" -> recorder.powerOn(downTime(q));
            case "/set-ip" -> recorder.setIp(required(q, "ip"), q.get("gateway"));
            case "/clock" -> recorder.advanceClock(parseClock(required(q, "advance")));
            case "/quirks" -> recorder.setTruncateProbeMatch(Boolean.parseBoolean(required(q, "truncate")));
            default -> throw new IllegalArgumentException("unknown control action " + path);
        }
    }

    private Duration downTime(Map<String, String> q) {
        String ms = q.get("downMs");
        if (ms == null) {
            return recorder.defaultDownTime();
        }
        try {
            long v = Long.parseLong(ms.trim());
            if (v < 0 || v > 3_600_000) {
                throw new IllegalArgumentException("downMs must be 0..3600000");
            }
            return Duration.ofMillis(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("downMs is not a number: " + ms);
        }
    }

    /** {@code +48h}, {@code +30m}, {@code -2h}, {@code 90s}, {@code +1d}. */
    public static Duration parseClock(String text) {
        Matcher m = CLOCK.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("clock wants +Nh, +Nm, +Ns or +Nd, not " + text);
        }
        long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        return switch (m.group(3)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String required(Map<String, String> q, String key) {
        String v = q.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + key);
        }
        return v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void respond(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = (toJson(body) + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One line of JSON. */
    public static String toJson(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
