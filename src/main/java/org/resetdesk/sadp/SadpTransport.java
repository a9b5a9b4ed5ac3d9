package org.resetdesk.sadp;

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
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets of one SADP port and their receive thread. Two channels, both tied to ONE network interface:
 * <ul>
 * <li>a sender bound to the interface's IPv4 address (ephemeral port), {@code IP_MULTICAST_IF} = the interface,
 * TTL 1, broadcast allowed; it also receives replies a device unicasts to the sender's port;</li>
 * <li>a listener on the SADP port (wildcard address, {@code SO_REUSEADDR}, so another SADP tool may hold the port
 * too) joined to 239.255.255.250 on that interface only; it hears replies sent to the group, and unicasts to the
 * SADP port.</li>
 * </ul>
 * One daemon thread ({@code sadp-rx-<if>}) reads both through a selector, decodes each datagram and hands the document
 * to the registered sinks in arrival order. Datagrams that cannot be decoded are logged (with a hex head) and dropped.
 * Thread-safe: sends may come from any thread. Java cannot bind to a device (no SO_BINDTODEVICE) nor read the
 * arrival interface (no IP_PKTINFO); binding to the interface's address is what keeps sends on that interface.
 */
final class SadpTransport implements AutoCloseable {
    static final InetAddress GROUP = address(new byte[] {(byte) 239, (byte) 255, (byte) 255, (byte) 250});
    private static final Logger LOG = LoggerFactory.getLogger(SadpTransport.class);

    /** Receives every decoded document with its arrival time ({@link System#nanoTime}) and sender. */
    interface Sink {
        void accept(SadpDocument doc, long arrivedNanos, SocketAddress from);
    }

    private final String name;
    private final Inet4Address address;
    private final InetAddress broadcast;
    private final int port;
    private final DatagramChannel sender;
    private final DatagramChannel listener;
    private final Selector selector;
    private final Thread thread;
    private final List<Sink> sinks = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    SadpTransport(String interfaceName, int port) throws IOException {
        NetworkInterface nic = NetworkInterface.getByName(interfaceName);
        if (nic == null) {
            throw new IOException("network interface '" + interfaceName + "' does not exist");
        }
        if (!nic.isUp()) {
            throw new IOException("network interface '" + interfaceName + "' is down");
        }
        InterfaceAddress ia = nic.getInterfaceAddresses().stream()
                .filter(a -> a.getAddress() instanceof Inet4Address).findFirst()
                .orElseThrow(() -> new IOException("network interface '" + interfaceName + "' has no IPv4 address"));
        this.name = interfaceName;
        this.address = (Inet4Address) ia.getAddress();
        this.broadcast = ia.getBroadcast();
        this.port = port;
        DatagramChannel s = null;
        DatagramChannel l = null;
        Selector sel = null;
        try {
            s = DatagramChannel.open(StandardProtocolFamily.INET);
            s.bind(new InetSocketAddress(address, 0));
            s.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
            s.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            s.setOption(StandardSocketOptions.SO_BROADCAST, true);
            s.configureBlocking(false);
            l = DatagramChannel.open(StandardProtocolFamily.INET);
            l.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            l.bind(new InetSocketAddress(port));
            l.join(GROUP, nic);
            l.configureBlocking(false);
            sel = Selector.open();
            s.register(sel, SelectionKey.OP_READ);
            l.register(sel, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s, l, sel);
            throw new IOException("cannot open SADP on interface '" + interfaceName + "' (" + address.getHostAddress()
                    + ", port " + port + "): " + e.getMessage(), e);
        }
        this.sender = s;
        this.listener = l;
        this.selector = sel;
        this.thread = new Thread(this::receiveLoop, "sadp-rx-" + interfaceName);
        thread.setDaemon(true);
        thread.start();
    }

    String interfaceName() {
        return name;
    }

    Inet4Address address() {
        return address;
    }

    void addSink(Sink sink) {
        sinks.add(sink);
    }

    void removeSink(Sink sink) {
        sinks.remove(sink);
    }

    /** Sends to the group only: exactly one copy reaches a device (used for every command). */
    void sendToGroup(byte[] payload) throws IOException {
        send(payload, new InetSocketAddress(GROUP, port));
    }

    /** Sends to the group and to the interface's directed broadcast (if it has one): used for inquiries. */
    void sendProbe(byte[] payload) throws IOException {
        IOException first = null;
        int sent = 0;
        List<InetSocketAddress> targets = new ArrayList<>();
        targets.add(new InetSocketAddress(GROUP, port));
        if (broadcast != null) {
            targets.add(new InetSocketAddress(broadcast, port));
        }
        for (InetSocketAddress t : targets) {
            try {
                send(payload, t);
                sent++;
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (sent == 0) {
            throw first;
        }
    }

    private void send(byte[] payload, InetSocketAddress to) throws IOException {
        if (!running) {
            throw new IOException("SADP on '" + name + "' is closed");
        }
        synchronized (sender) {
            int n = sender.send(ByteBuffer.wrap(payload), to);
            if (n == 0) {
                throw new IOException("send buffer full on '" + name + "'");
            }
        }
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocate(SadpCodec.MAX_PAYLOAD + 1);
        while (running) {
            try {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    SocketAddress from;
                    while (running && (from = ch.receive(buf.clear())) != null) {
                        long at = System.nanoTime();
                        byte[] data = Arrays.copyOf(buf.array(), buf.position());
                        dispatch(data, at, from);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.warn("SADP receive on {} failed: {}", name, e.toString());
                }
            }
        }
    }

    private void dispatch(byte[] data, long at, SocketAddress from) {
        SadpDocument doc;
        try {
            doc = SadpCodec.decode(data);
        } catch (SadpFormatException e) {
            LOG.debug("dropped undecodable datagram from {} ({}): {}", from, e.getMessage(), hexHead(data));
            return;
        }
        for (Sink s : sinks) {
            try {
                s.accept(doc, at, from);
            } catch (RuntimeException e) {
                LOG.warn("SADP sink failed: {}", e.toString());
            }
        }
    }

    static String hexHead(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(32, data.length); i++) {
            sb.append(String.format("%02x", data[i] & 0xff));
        }
        return sb + (data.length > 32 ? "… (" + data.length + " bytes)" : "");
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(sender, listener, selector);
    }

    private static void closeQuietly(AutoCloseable... things) {
        for (AutoCloseable c : things) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
