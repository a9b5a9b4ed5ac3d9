package org.resetdesk.sadp;

import java.time.Duration;

/**
 * Child-JVM main for the benchmark: opens one SadpClient on the interface and sends {@code --probes N} inquiries one
 * after another, each ended as soon as the first device answers. Prints {@code LAT <microseconds>} per probe (from
 * just before the send to the reply's arrival on the receive thread), or {@code MISS} when none answered in 1 s.
 */
public final class SadpProbeBench {
    private SadpProbeBench() {}

    public static void main(String[] args) throws Exception {
        String iface = args[1];
        int probes = Integer.parseInt(args[3]);
        try (SadpClient client = new SadpClient(iface)) {
            for (int i = 0; i < probes + 20; i++) { // the first 20 warm the JIT and are not printed
                long t0 = System.nanoTime();
                long[] first = {-1};
                client.discoverEach(Duration.ofSeconds(1), f -> {
                    first[0] = System.nanoTime();
                    return false;
                });
                if (i >= 20) {
                    System.out.println(first[0] < 0 ? "MISS" : "LAT " + (first[0] - t0) / 1000);
                }
            }
        }
        System.out.println("DONE");
    }
}
