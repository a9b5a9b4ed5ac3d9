package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A recorder-style self-signed certificate made with the JDK's keytool for one test. */
final class SelfSignedCert {
    final SSLContext serverContext;
    final String sha256;

    private SelfSignedCert(SSLContext ctx, String sha256) {
        this.serverContext = ctx;
        this.sha256 = sha256;
    }

    /** One certificate per name; the keytool runs happen side by side. */
    static java.util.List<SelfSignedCert> generate(Path dir, String... names) throws Exception {
        java.util.List<Process> runs = new java.util.ArrayList<>();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        for (String name : names) {
            runs.add(new ProcessBuilder(keytool, "-genkeypair", "-alias", "recorder", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-dname", "CN=" + name + ", O=Virtual Recorder", "-validity", "30", "-storetype",
                    "PKCS12", "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", "changeit", "-keypass",
                    "changeit", "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start());
        }
        java.util.List<SelfSignedCert> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Process p = runs.get(i);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(log).isZero();
            out.add(load(dir.resolve(names[i] + ".p12")));
        }
        return out;
    }

    private static SelfSignedCert load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return new SelfSignedCert(ctx, PinnedTrust.sha256((X509Certificate) ks.getCertificate("recorder")));
    }
}
