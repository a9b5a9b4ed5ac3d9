package org.resetdesk.testsupport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpCodec.Element;
import org.resetdesk.sadp.SadpCrypto;
import org.resetdesk.sadp.SadpDocument;
import org.resetdesk.sadp.SadpFormatException;

/**
 * A minimal SADP device for tests (the real virtual recorder lives in {@code org.resetdesk.recorder}). It binds the
 * SADP port on one interface, joins 239.255.255.250 there, announces itself with {@code Hello}, answers
 * {@code inquiry}, {@code exchangecode}, {@code getencryptstring}, {@code getcode}, {@code reset} and
 * {@code activate}, always to the group and, when the sender is in its own subnet, also unicast to the sender (as
 * the issue asks of the recorder). It counts every datagram it receives from others (its own looped-back
 * multicast is not counted). Run in-process ({@link #start}) or as a
 * child JVM ({@link #main}; prints {@code READY} and one {@code RX types=… from=…} line per datagram).
 */
public final class TestSadpResponder implements AutoCloseable {
    private static final InetAddress GROUP = group();

    /** What the device says about itself and what reset code it accepts. */
    public record Profile(String mac, String serial, String model, String ipv4, String mask, String gateway,
                          boolean activated, boolean codeEncrypt, String challenge, String acceptedCode,
                          int retries, int lockMinutes) {
        public static Profile nvr(String mac, String ipv4) {
            return new Profile(mac, "DS-7608NI-K2/8P0820200101CCRRE12345678", "DS-7608NI-K2/8P", ipv4,
                    "255.255.255.0", "0.0.0.0", true, false, "CHALLENGE-" + mac, "K3Y-" + mac, 5, 30);
        }
    }

    private final Profile profile;
    private final int port;
    private final DatagramChannel ch;
    private final InterfaceAddress nicAddress;
    private final Thread thread;
    private final AtomicInteger received = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, String> randoms = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean activated;
    private volatile int retriesLeft;
    private volatile char[] lastPassword;
    private volatile String challenge;

    private TestSadpResponder(String iface, int port, Profile profile) throws IOException {
        NetworkInterface nic = NetworkInterface.getByName(iface);
        if (nic == null) {
            throw new IOException("no interface " + iface);
        }
        this.nicAddress = nic.getInterfaceAddresses().stream().filter(a -> a.getAddress() instanceof Inet4Address)
                .findFirst().orElseThrow(() -> new IOException("no IPv4 on " + iface));
        this.profile = profile;
        this.port = port;
        this.activated = profile.activated();
        this.retriesLeft = profile.retries();
        ch = DatagramChannel.open(StandardProtocolFamily.INET);
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ch.bind(new InetSocketAddress(port));
        ch.join(GROUP, nic);
        ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
        ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
        thread = new Thread(this::loop, "test-sadp-responder-" + profile.mac());
        thread.setDaemon(true);
        thread.start();
        send(SadpCodec.deviceDocument("Hello", description(null, "hello")), new InetSocketAddress(GROUP, port));
    }

    public static TestSadpResponder start(String iface, int port, Profile profile) throws IOException {
        return new TestSadpResponder(iface, port, profile);
    }

    public int received() {
        return received.get();
    }

    /** Types of every datagram received, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    public int retriesLeft() {
        return retriesLeft;
    }

    public boolean activated() {
        return activated;
    }

    public char[] lastPassword() {
        return lastPassword == null ? null : lastPassword.clone();
    }

    /** The challenge of the pending export, null when none (never exported, or used). */
    public String pendingChallenge() {
        return challenge;
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        while (running) {
            try {
                SocketAddress from = ch.receive(buf.clear());
                byte[] data = new byte[buf.position()];
                buf.flip().get(data);
                if (((InetSocketAddress) from).getAddress().equals(nicAddress.getAddress())
                        && ((InetSocketAddress) from).getPort() == port) {
                    continue; // its own multicast (Hello, replies) looped back: not something it received
                }
                received.incrementAndGet();
                handle(data, (InetSocketAddress) from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("responder: " + e);
                }
            }
        }
    }

    private void handle(byte[] data, InetSocketAddress from) throws IOException {
        SadpDocument d;
        try {
            d = SadpCodec.decode(data);
        } catch (SadpFormatException e) {
            log.add("undecodable");
            return;
        }
        String types = d.types() == null ? "?" : d.types();
        log.add(d.root() + ":" + types);
        java.util.function.Consumer<String> l = rxListener;
        if (l != null) {
            l.accept("RX " + d.root() + ":" + types + " from=" + from.getAddress().getHostAddress());
        }
        if (!"Probe".equals(d.root())) {
            return;
        }
        String mac = d.get("MAC");
        if (mac != null && !mac.equalsIgnoreCase(profile.mac())) {
            return;
        }
        List<Element> reply = switch (types) {
            case "inquiry" -> description(d.get("Uuid"), "inquiry");
            case "exchangecode" -> exchange(d);
            case "getencryptstring" -> export(d, "EncryptString");
            case "getcode" -> export(d, "Code");
            case "reset" -> reset(d);
            case "activate" -> activate(d);
            default -> null;
        };
        if (reply != null) {
            byte[] out = SadpCodec.deviceDocument("ProbeMatch", reply);
            send(out, new InetSocketAddress(GROUP, port));
            if (sameSubnet(from.getAddress())) {
                send(out, from);
            }
        }
    }

    private volatile java.util.function.Consumer<String> rxListener;

    /** Called on the receive thread with one line per decoded datagram ({@code RX root:types from=ADDR}). */
    public void onReceive(java.util.function.Consumer<String> listener) {
        this.rxListener = listener;
    }

    private List<Element> head(SadpDocument d, String types) {
        List<Element> e = new ArrayList<>();
        e.add(Element.of("Uuid", d.get("Uuid")));
        e.add(Element.of("MAC", profile.mac()));
        e.add(Element.of("Types", types));
        return e;
    }

    private List<Element> exchange(SadpDocument d) {
        List<Element> e = head(d, "exchangecode");
        try {
            String random = Long.toHexString(Double.doubleToLongBits(Math.random())) + "ABCDEFGHIJKLMNOP";
            String code = SadpCrypto.rsaEncrypt(SadpCrypto.decodePublicKey(d.get("Code")), random);
            synchronized (randoms) {
                randoms.put("last", random);
            }
            e.add(Element.of("Result", "success"));
            e.add(Element.of("Code", code));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            e.add(Element.of("Result", "failed"));
        }
        return e;
    }

    private List<Element> export(SadpDocument d, String element) {
        List<Element> e = head(d, d.types());
        challenge = profile.challenge() + "-" + System.nanoTime();
        e.add(Element.of("Result", "success"));
        e.add(Element.of(element, challenge));
        return e;
    }

    private List<Element> reset(SadpDocument d) {
        List<Element> e = head(d, "reset");
        String random;
        synchronized (randoms) {
            random = randoms.remove("last");
        }
        if (retriesLeft <= 0) {
            e.add(Element.of("Result", "locked"));
            e.add(Element.of("SurplusLockTime", String.valueOf(profile.lockMinutes())));
            return e;
        }
        try {
            if (random == null) {
                throw new GeneralSecurityException("no exchange");
            }
            char[] pw = SadpCrypto.decryptWithRandom(random, d.get("Password"));
            String code = d.get("Code");
            if ("true".equals(d.attributes("Code").get("bEncrypt"))) {
                code = new String(SadpCrypto.decryptWithRandom(random, code));
            }
            if (challenge == null) {
                e.add(Element.of("Result", "emptyEncryptString"));
            } else if (profile.acceptedCode().equals(code)) {
                lastPassword = pw;
                challenge = null;
                retriesLeft = profile.retries();
                e.add(Element.of("Result", "success"));
            } else {
                retriesLeft--;
                e.add(Element.of("Result", retriesLeft > 0 ? "codeError" : "locked"));
                e.add(Element.of("RetryTimes", String.valueOf(retriesLeft)));
                if (retriesLeft == 0) {
                    e.add(Element.of("SurplusLockTime", String.valueOf(profile.lockMinutes())));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            e.add(Element.of("Result", "failed"));
        }
        return e;
    }

    private List<Element> activate(SadpDocument d) {
        List<Element> e = head(d, "activate");
        String random;
        synchronized (randoms) {
            random = randoms.remove("last");
        }
        try {
            char[] pw = SadpCrypto.decryptWithRandom(random, d.get("Password"));
            if (activated) {
                e.add(Element.of("Result", "hasActivated"));
            } else {
                activated = true;
                lastPassword = pw;
                e.add(Element.of("Result", "success"));
            }
        } catch (GeneralSecurityException | RuntimeException ex) {
            e.add(Element.of("Result", "failed"));
        }
        return e;
    }

    private List<Element> description(String uuid, String types) {
        List<Element> e = new ArrayList<>();
        if (uuid != null) {
            e.add(Element.of("Uuid", uuid));
        }
        e.add(Element.of("Types", types));
        e.add(Element.of("DeviceType", "142378"));
        e.add(Element.of("DeviceDescription", profile.model()));
        e.add(Element.of("DeviceSN", profile.serial()));
        e.add(Element.of("CommandPort", "8000"));
        e.add(Element.of("HttpPort", "80"));
        e.add(Element.of("MAC", profile.mac()));
        e.add(Element.of("IPv4Address", profile.ipv4()));
        e.add(Element.of("IPv4SubnetMask", profile.mask()));
        e.add(Element.of("IPv4Gateway", profile.gateway()));
        e.add(Element.of("SoftwareVersion", "V4.30.085build 200916"));
        e.add(Element.of("BootTime", "2026-11-25 08:00:00"));
        e.add(Element.of("Activated", String.valueOf(activated)));
        e.add(Element.of("PasswordResetAbility", "true"));
        e.add(Element.of("SyncIPCPassword", "true"));
        e.add(Element.of("PasswordResetModeSecond", "true"));
        e.add(Element.of("HCPlatformEnable", "flase"));
        e.add(Element.of("SupportMailBox", "true"));
        if (profile.codeEncrypt()) {
            e.add(Element.of("codeEncrypt", "true"));
        }
        return e;
    }

    private boolean sameSubnet(InetAddress a) {
        byte[] x = a.getAddress();
        byte[] y = nicAddress.getAddress().getAddress();
        if (x.length != 4) {
            return false;
        }
        int bits = nicAddress.getNetworkPrefixLength();
        int xi = java.nio.ByteBuffer.wrap(x).getInt();
        int yi = java.nio.ByteBuffer.wrap(y).getInt();
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return (xi & mask) == (yi & mask);
    }

    private void send(byte[] data, InetSocketAddress to) throws IOException {
        synchronized (ch) {
            ch.send(ByteBuffer.wrap(data), to);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress group() {
        try {
            return InetAddress.getByName("239.255.255.250");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code TestSadpResponder --interface IF --mac MAC --ip A.B.C.D [--port N] [--serial SN]}: runs until stdin
     * closes or the process is killed. Prints {@code READY}, then {@code RX types=T from=ADDR} per datagram.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Profile p = Profile.nvr(o.get("--mac"), o.get("--ip"));
        if (o.containsKey("--serial")) {
            p = new Profile(p.mac(), o.get("--serial"), p.model(), p.ipv4(), p.mask(), p.gateway(), p.activated(),
                    p.codeEncrypt(), p.challenge(), p.acceptedCode(), p.retries(), p.lockMinutes());
        }
        int port = Integer.parseInt(o.getOrDefault("--port", "37020"));
        TestSadpResponder r = new TestSadpResponder(o.get("--interface"), port, p);
        r.onReceive(line -> {
            synchronized (System.out) {
                System.out.println(line);
                System.out.flush();
            }
        });
        System.out.println("READY " + p.mac());
        System.out.flush();
        // Runs until stdin reaches EOF (the test closes the pipe) or the process is killed.
        while (System.in.read() >= 0) {
            // ignore input
        }
        r.close();
    }
}
