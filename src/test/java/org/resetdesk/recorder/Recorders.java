package org.resetdesk.recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Starts in-process recorders on loopback with free ports, and talks to their control API. */
final class Recorders {
    private Recorders() {}

    static RecorderRuntime start(Profile profile) throws IOException {
        return start(RecorderConfig.training(profile).withDownTime(Duration.ofMillis(300)));
    }

    static RecorderRuntime start(Profile profile, Path stateDir) throws IOException {
        return start(RecorderConfig.training(profile).withDownTime(Duration.ofMillis(300)).withStateDir(stateDir));
    }

    static RecorderRuntime start(RecorderConfig config) throws IOException {
        return RecorderRuntime.start(config, "lo", 0, 0);
    }

    static SadpTestClient client(RecorderRuntime rt) throws IOException {
        return new SadpTestClient(rt.sadpPort(), rt.recorder().mac());
    }

    /** POSTs (or GETs /state) on the control API; returns status and body. */
    static HttpResponse<String> control(int port, String pathAndQuery) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        b = pathAndQuery.startsWith("/state") ? b.GET() : b.POST(HttpRequest.BodyPublishers.noBody());
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
