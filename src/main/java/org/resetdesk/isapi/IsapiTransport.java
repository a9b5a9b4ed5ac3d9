package org.resetdesk.isapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.DigestSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.resetdesk.job.DeviceCommand;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Outcome;
import org.resetdesk.job.RecorderApi.Transport;
import org.resetdesk.job.Refusal;

/**
 * HTTP to one recorder for one job: Digest only (Basic is never offered to a device), HTTPS when the device offers
 * it with its certificate pinned on first contact, no automatic retries or redirects, bodies capped at
 * {@link IsapiXml#MAX_BODY}. Every request passes the command policy {@code gate} first; a refused request is never
 * sent. One job, one thread at a time (not thread-safe).
 */
final class IsapiTransport implements AutoCloseable {
    private final IsapiEndpoint endpoint;
    private final Function<DeviceCommand, Optional<Refusal>> gate;
    private final PinnedTrust trust;
    private final BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    private char[] password;
    private CloseableHttpClient http;
    private HttpHost host;
    private Outcome connectFailure;
    private boolean pinnedNow;
    /** Kept across requests so the Digest session continues (next nonce count) instead of a new challenge each time. */
    private HttpClientContext context = HttpClientContext.create();

    /** What came back: an HTTP status and body, or a failure before or instead of an answer. */
    record Exchange(int status, byte[] body, List<String> challenges, Outcome failure, Refusal refusal) {
        boolean failed() {
            return failure != null;
        }
    }

    IsapiTransport(IsapiEndpoint endpoint, Function<DeviceCommand, Optional<Refusal>> gate, String pinnedSha256) {
        this.endpoint = endpoint;
        this.gate = gate;
        this.trust = new PinnedTrust(pinnedSha256);
    }

    /** The credentials for the following requests (a copy is kept until {@link #close}). */
    void credentials(String user, char[] secret) {
        wipe();
        context = HttpClientContext.create();
        password = Arrays.copyOf(secret, secret.length);
        credentials.setCredentials(new AuthScope(null, -1), new UsernamePasswordCredentials(user, password));
    }

    Transport transport() {
        return host == null ? null : new Transport(host.getSchemeName(), trust.pin(), pinnedNow);
    }

    Exchange exchange(String method, String path, String xmlBody) {
        Optional<Refusal> refusal = gate.apply(DeviceCommand.isapi(method, path));
        if (refusal.isPresent()) {
            return new Exchange(0, null, List.of(), Outcome.of(Kind.REFUSED, 0, refusal.get().text()), refusal.get());
        }
        if (http == null && connectFailure == null) {
            connect();
        }
        if (connectFailure != null) {
            return new Exchange(0, null, List.of(), connectFailure, null);
        }
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(host.toURI() + path));
        request.setHeader(HttpHeaders.ACCEPT, "application/xml, text/xml");
        if (xmlBody != null) {
            request.setEntity(new ByteArrayEntity(xmlBody.getBytes(StandardCharsets.UTF_8),
                    ContentType.APPLICATION_XML.withCharset(StandardCharsets.UTF_8)));
        }
        try {
            return http.execute(request, context, response -> {
                List<String> challenges = new ArrayList<>();
                for (Header h : response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)) {
                    challenges.add(h.getValue());
                }
                byte[] body = new byte[0];
                if (response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        body = in.readNBytes(IsapiXml.MAX_BODY + 1);
                    }
                }
                if (body.length > IsapiXml.MAX_BODY) {
                    return new Exchange(response.getCode(), null, challenges, Outcome.of(Kind.BAD_RESPONSE,
                            response.getCode(), "answer longer than " + IsapiXml.MAX_BODY + " bytes"), null);
                }
                int code = response.getCode();
                if (code == 401 && !challenges.isEmpty() && challenges.stream().noneMatch(IsapiTransport::isDigest)) {
                    return new Exchange(code, body, challenges, Outcome.of(Kind.INSECURE, code,
                            "the recorder offers only " + String.join(", ", challenges)
                                    + "; the kiosk uses Digest only"), null);
                }
                return new Exchange(code, body, challenges, null, null);
            });
        } catch (SSLException e) {
            return new Exchange(0, null, List.of(), tlsFailure(e), null);
        } catch (SocketTimeoutException e) {
            return new Exchange(0, null, List.of(), Outcome.of(Kind.UNREACHABLE, 0, "no answer in time"), null);
        } catch (IOException e) {
            return new Exchange(0, null, List.of(), Outcome.of(Kind.UNREACHABLE, 0, describe(e)), null);
        }
    }

    private static boolean isDigest(String challenge) {
        return challenge.regionMatches(true, 0, "Digest", 0, 6);
    }

    private void connect() {
        SSLContext tls;
        try {
            tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
        boolean https = false;
        if (endpoint.httpsPort() != null) {
            Outcome probe = probeTls(tls);
            if (probe != null) {
                connectFailure = probe;
                return;
            }
            https = trust.lastSeen() != null;
        }
        if (!https && trust.pin() != null) {
            connectFailure = Outcome.of(Kind.CERTIFICATE_CHANGED, 0, "HTTPS with a pinned certificate was used"
                    + " for this job before, and the recorder no longer offers it");
            return;
        }
        if (https && trust.pin() == null) {
            trust.pinLastSeen();
            pinnedNow = true;
        }
        host = https ? new HttpHost("https", endpoint.host(), endpoint.httpsPort())
                : new HttpHost("http", endpoint.host(), endpoint.httpPort());
        Timeout t = Timeout.of(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
        var manager = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls, HostnameVerificationPolicy.CLIENT,
                        NoopHostnameVerifier.INSTANCE))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                .build();
        var schemes = RegistryBuilder.<AuthSchemeFactory>create()
                .register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE)
                .build();
        http = HttpClients.custom()
                .setConnectionManager(manager)
                .setDefaultAuthSchemeRegistry(schemes)
                .setDefaultCredentialsProvider(credentials)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST))
                        .setResponseTimeout(t)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("ResetDesk")
                .build();
    }

    /** Null when HTTPS works (certificate seen) or is simply not offered; a failure when the pin does not match. */
    private Outcome probeTls(SSLContext tls) {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            int ms = (int) endpoint.timeout().toMillis();
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.httpsPort()), ms);
            socket.setSoTimeout(ms);
            socket.startHandshake();
            return null;
        } catch (SSLException e) {
            Outcome o = tlsFailure(e);
            return o.kind() == Kind.CERTIFICATE_CHANGED ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Outcome tlsFailure(SSLException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof PinnedTrust.CertificateChanged) {
                return Outcome.of(Kind.CERTIFICATE_CHANGED, 0, c.getMessage());
            }
        }
        return Outcome.of(Kind.UNREACHABLE, 0, "TLS failed: " + e.getMessage());
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused or no route";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to the recorder";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    @Override
    public void close() {
        wipe();
        credentials.clear();
        if (http != null) {
            try {
                http.close();
            } catch (IOException ignored) {
                // closing a pool of local sockets; nothing to report
            }
        }
    }
}
