package org.resetdesk.recorder;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Puts a {@link VirtualRecorder} on one network interface: a socket on {@code *:port} (SO_REUSEADDR) joined to
 * 239.255.255.250 on that interface only, multicast out of that interface only, TTL 1. Every reply goes to the
 * group on the SADP port, as the device-side reference does; when the sender is inside the recorder's own subnet the
 * reply also goes unicast to the sender's address and port (first), which ephemeral-port clients rely on. Hello is
 * multicast at start and after every boot. One daemon thread; {@link #close} stops it.
 */
public final class SadpResponder implements AutoCloseable, RecorderEvents {
    public static final int DEFAULT_PORT = 37020;
    public static final String GROUP = "239.255.255.250";
    private static final System.Logger LOG = System.getLogger(SadpResponder.class.getName());

    private final VirtualRecorder recorder;
    private final NetworkInterface nic;
    private final MulticastSocket socket;
    private final InetSocketAddress group;
    private final Thread thread;
    private volatile boolean open = true;

    /** Binds and joins now; call {@link #start} to begin answering. */
    public SadpResponder(VirtualRecorder recorder, NetworkInterface nic, int port) throws IOException {
        this.recorder = recorder;
        this.nic = nic;
        MulticastSocket s = new MulticastSocket(null);
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            s.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
            s.setTimeToLive(1);
            s.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            s.joinGroup(new InetSocketAddress(groupAddress(), 0), nic);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot open SADP port " + port + " on " + nic.getName() + ": " + e.getMessage(), e);
        }
        this.socket = s;
        this.group = new InetSocketAddress(groupAddress(), s.getLocalPort());
        this.thread = new Thread(this::loop, "sadp-responder-" + recorder.serial());
        thread.setDaemon(true);
    }

    /** The interface by name, with a clear error when it is missing or down. */
    public static NetworkInterface networkInterface(String name) throws IOException {
        NetworkInterface nic = NetworkInterface.getByName(name);
        if (nic == null) {
            throw new IOException("network interface " + name + " does not exist");
        }
        if (!nic.isUp()) {
            throw new IOException("network interface " + name + " is down");
        }
        return nic;
    }

    /** {@code A.B.C.D/NN} of the interface's first IPv4 address, or empty. */
    public static Optional<String> ipv4Of(NetworkInterface nic) {
        return nic.getInterfaceAddresses().stream()
                .filter(a -> a.getAddress() instanceof Inet4Address)
                .map(a -> a.getAddress().getHostAddress() + "/" + a.getNetworkPrefixLength())
                .findFirst();
    }

    private static InetAddress groupAddress() {
        try {
            return InetAddress.getByName(GROUP);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public void start() {
        recorder.addListener(this);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public NetworkInterface networkInterface() {
        return nic;
    }

    @Override
    public void onBoot(VirtualRecorder r, String bootTime) {
        r.hello().ifPresent(this::multicast);
    }

    private void loop() {
        byte[] buf = new byte[65_535];
        while (open) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                byte[] payload = Arrays.copyOfRange(buf, 0, packet.getLength());
                Optional<byte[]> reply = recorder.handle(payload);
                if (reply.isPresent()) {
                    InetAddress from = packet.getAddress();
                    if (from instanceof Inet4Address && recorder.onOwnSubnet(from.getHostAddress())) {
                        send(new DatagramPacket(reply.get(), reply.get().length, packet.getSocketAddress()));
                    }
                    multicast(reply.get());
                }
            } catch (SocketException e) {
                if (open) {
                    LOG.log(System.Logger.Level.WARNING, "SADP socket failed: " + e.getMessage());
                }
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "SADP datagram not handled: " + e);
            }
        }
    }

    private void multicast(byte[] payload) {
        send(new DatagramPacket(payload, payload.length, group));
    }

    private void send(DatagramPacket p) {
        if (!open) {
            return;
        }
        try {
            socket.send(p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "SADP send to " + p.getSocketAddress() + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        open = false;
        recorder.removeListener(this);
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
