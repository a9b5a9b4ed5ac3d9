package org.resetdesk.support;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/** GreenMail setups on loopback with ephemeral ports, and kiosk settings that point at them. */
final class MailFixtures {
    static final String USER = "desk@counterfixers.test";
    static final String LOGIN = "desk";
    static final String SECRET = "pw-Desk-2026";
    static final String SUPPORT = "support@vendor.test";

    private MailFixtures() {}

    static ServerSetup loopback(String protocol) {
        ServerSetup s = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
        s.setServerStartupTimeout(20_000); // TLS set-up is slow on a busy 2-core machine
        return s;
    }

    static ServerSetup loopback(String protocol, int port) {
        ServerSetup s = new ServerSetup(port, "127.0.0.1", protocol);
        s.setServerStartupTimeout(20_000);
        return s;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path passwordFile(Path dir, String perms) {
        try {
            Path f = dir.resolve("smtp-" + perms + ".secret");
            Files.writeString(f, SECRET + "\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kiosk settings: SMTP on {@code port}; {@code mode} is "plain", "starttls" or "tls". */
    static Properties smtp(Properties p, int port, String mode, Path passwordFile) {
        p.setProperty("smtp.host", "127.0.0.1");
        p.setProperty("smtp.port", Integer.toString(port));
        p.setProperty("smtp.starttls", Boolean.toString(mode.equals("starttls")));
        p.setProperty("smtp.tls", Boolean.toString(mode.equals("tls")));
        if (mode.equals("tls")) {
            p.setProperty("smtp.ssl-trust", "127.0.0.1");
        }
        if (passwordFile != null) {
            p.setProperty("smtp.username", LOGIN);
            p.setProperty("smtp.password-file", passwordFile.toString());
        }
        p.setProperty("smtp.from", USER);
        p.setProperty("support.email", SUPPORT);
        p.setProperty("manager.email", "manager@counterfixers.test");
        return p;
    }

    static SupportSettings settings(int port, String mode, Path passwordFile) {
        return SupportSettings.fromProperties(smtp(TestJobs.baseProperties(), port, mode, passwordFile));
    }
}
