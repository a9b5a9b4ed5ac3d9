package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpCodec.Element;
import org.resetdesk.sadp.SadpCrypto;
import org.resetdesk.sadp.SadpDocument;
import org.resetdesk.sadp.SadpFormatException;

/**
 * A raw SADP client for tests: a UDP socket on 127.0.0.1, requests built with SadpCodec/SadpCrypto exactly as the
 * vendor's templates (sadp-protocol.md §3), unicast to the responder; replies matched by Uuid and Types.
 */
final class SadpTestClient implements AutoCloseable {
    static final int TIMEOUT_MS = 5000;
    final DatagramSocket socket;
    private final InetSocketAddress target;
    final String mac;
    private String random;

    SadpTestClient(int port, String mac) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.mac = mac;
    }

    static String uuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    void sendRaw(byte[] payload) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, target));
    }

    /** Sends and waits for the matching reply; fails the test after 5 s. */
    SadpDocument call(String types, List<Element> rest) throws IOException {
        return call(uuid(), mac, types, rest);
    }

    SadpDocument call(String uuid, String toMac, String types, List<Element> rest) throws IOException {
        sendRaw(SadpCodec.probe(uuid, toMac, types, rest));
        return await(uuid, types);
    }

    SadpDocument await(String uuid, String types) throws IOException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        byte[] buf = new byte[65_535];
        while (true) {
            int left = (int) (deadline - System.currentTimeMillis());
            if (left <= 0) {
                throw new AssertionError("no " + types + " reply within " + TIMEOUT_MS + " ms");
            }
            socket.setSoTimeout(left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + types + " reply within " + TIMEOUT_MS + " ms", e);
            }
            SadpDocument d = decode(Arrays.copyOf(buf, p.getLength()));
            if (uuid.equals(d.get("Uuid")) && types.equals(d.types())) {
                return d;
            }
        }
    }

    static SadpDocument decode(byte[] payload) {
        try {
            return SadpCodec.decode(payload);
        } catch (SadpFormatException e) {
            throw new AssertionError("undecodable reply: " + e.getMessage(), e);
        }
    }

    SadpDocument inquiry() throws IOException {
        String uuid = uuid();
        sendRaw(SadpCodec.probe(uuid, null, "inquiry", List.of()));
        return await(uuid, "inquiry");
    }

    /** exchangecode with a fresh RSA-1024 key; keeps the device's random for the next encrypted element. */
    String exchange() throws IOException, GeneralSecurityException {
        KeyPair kp = SadpCrypto.newExchangeKeyPair();
        SadpDocument d = call("exchangecode", List.of(Element.of("Code", SadpCrypto.encodePublicKey(kp.getPublic()))));
        assertThat(d.get("Result")).isEqualTo("success");
        random = SadpCrypto.rsaDecrypt(kp.getPrivate(), d.get("Code"));
        return random;
    }

    String enc(String secret) {
        return SadpCrypto.encryptWithRandom(random, secret.toCharArray());
    }

    /** reset with a reply file's content or a key; exchange first, new password encrypted, optional extras. */
    SadpDocument reset(String types, String code, String newPassword, boolean sync, boolean encryptCode)
            throws IOException, GeneralSecurityException {
        exchange();
        List<Element> rest = new ArrayList<>();
        rest.add(Element.of("Password", enc(newPassword)));
        if (sync) {
            rest.add(Element.of("SyncIPCPassword", "true"));
        }
        rest.add(encryptCode ? new Element("Code", enc(code), "bEncrypt", "true") : Element.of("Code", code));
        return call(types, rest);
    }

    SadpDocument reset(String code, String newPassword) throws IOException, GeneralSecurityException {
        return reset("reset", code, newPassword, false, false);
    }

    @Override
    public void close() {
        socket.close();
    }
}
