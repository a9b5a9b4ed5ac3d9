package org.resetdesk.recorder;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.Predicate;
import org.resetdesk.sadp.SadpDocument;

/** Listens on the SADP group at the responder's port on lo (SO_REUSEADDR), as a kiosk on 37020 would hear it. */
final class GroupListener implements AutoCloseable {
    private final MulticastSocket socket;

    GroupListener(int port) throws IOException {
        socket = new MulticastSocket(null);
        socket.setReuseAddress(true);
        // bound to the group address, so unicast datagrams for the responder's port are never delivered here
        socket.bind(new InetSocketAddress(InetAddress.getByName(SadpResponder.GROUP), port));
        socket.joinGroup(new InetSocketAddress(InetAddress.getByName(SadpResponder.GROUP), 0),
                NetworkInterface.getByName("lo"));
    }

    /** The next document the predicate accepts; fails after {@code timeoutMs}. */
    SadpDocument next(Predicate<SadpDocument> wanted, long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        byte[] buf = new byte[65_535];
        while (true) {
            int left = (int) (deadline - System.currentTimeMillis());
            if (left <= 0) {
                throw new AssertionError("nothing matching on the group within " + timeoutMs + " ms");
            }
            socket.setSoTimeout(left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("nothing matching on the group within " + timeoutMs + " ms", e);
            }
            SadpDocument d = SadpTestClient.decode(Arrays.copyOf(buf, p.getLength()));
            if (wanted.test(d)) {
                return d;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
