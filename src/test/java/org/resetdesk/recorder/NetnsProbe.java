package org.resetdesk.recorder;

import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;
import org.resetdesk.sadp.SadpCodec;
import org.resetdesk.sadp.SadpDocument;

/**
 * A kiosk-side probe run as a child JVM inside a test's network namespace: sends one inquiry to the group from the
 * NIC's address, waits for the ProbeMatch on the group (port 37020), then says whether a unicast copy had arrived
 * first. Prints one JSON line: {@code {"group":true,"unicast":false,"ipv4":"..."}}. Args: interface, port, timeout.
 */
public final class NetnsProbe {
    private NetnsProbe() {}

    public static void main(String[] args) throws Exception {
        NetworkInterface nic = NetworkInterface.getByName(args[0]);
        int port = Integer.parseInt(args[1]);
        int timeout = Integer.parseInt(args[2]);
        InetAddress own = nic.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst().orElseThrow();
        InetAddress groupAddr = InetAddress.getByName(SadpResponder.GROUP);
        try (MulticastSocket group = new MulticastSocket(null); DatagramChannel uni = DatagramChannel.open()) {
            group.setReuseAddress(true);
            group.bind(new InetSocketAddress(groupAddr, port));
            group.joinGroup(new InetSocketAddress(groupAddr, 0), nic);
            uni.bind(new InetSocketAddress(own, 0));
            uni.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
            uni.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            String uuid = SadpTestClient.uuid();
            uni.send(ByteBuffer.wrap(SadpCodec.probe(uuid, null, "inquiry", List.of())),
                    new InetSocketAddress(groupAddr, port));
            group.setSoTimeout(timeout);
            byte[] buf = new byte[65_535];
            SadpDocument match;
            do {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                group.receive(p);
                match = SadpCodec.decode(Arrays.copyOf(buf, p.getLength()));
            } while (!"ProbeMatch".equals(match.root()) || !uuid.equals(match.get("Uuid")));
            // the unicast copy may trail the group copy (ARP for the kiosk's address first): wait for it a while
            uni.configureBlocking(false);
            boolean unicast;
            try (java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
                uni.register(sel, java.nio.channels.SelectionKey.OP_READ);
                unicast = sel.select(2000) > 0 && uni.receive(ByteBuffer.allocate(65_535)) != null;
            }
            System.out.println("{\"group\":true,\"unicast\":" + unicast + ",\"ipv4\":\"" + match.get("IPv4Address")
                    + "\",\"mac\":\"" + match.get("MAC") + "\"}");
        }
    }
}
