package org.resetdesk.console;

import java.io.ByteArrayOutputStream;

/**
 * Test helper: what a UART receiving at the wrong baud rate makes of 8N1 frames. {@code ratio} is the receiver's bit
 * time over the sender's (2.0: the kiosk is set to half the recorder's rate). Framing errors deliver the byte anyway,
 * as most USB-serial adapters do.
 */
final class BaudMismatch {
    private static final int OVERSAMPLE = 16;

    private BaudMismatch() {}

    static byte[] garble(byte[] data, double ratio) {
        // the line, one entry per 1/16 of a sender bit: idle high, then start 0, 8 data bits LSB first, stop 1
        boolean[] line = new boolean[(data.length * 10 + 20) * OVERSAMPLE];
        int pos = 10 * OVERSAMPLE;
        java.util.Arrays.fill(line, true);
        for (byte b : data) {
            pos = put(line, pos, false);
            for (int bit = 0; bit < 8; bit++) {
                pos = put(line, pos, ((b >> bit) & 1) == 1);
            }
            pos = put(line, pos, true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double bit = ratio * OVERSAMPLE;
        int i = 1;
        while (i < line.length) {
            if (line[i - 1] && !line[i]) { // falling edge: a start bit
                int value = 0;
                for (int k = 0; k < 8; k++) {
                    int at = (int) Math.round(i + bit * (k + 1.5));
                    if (at < line.length && line[at]) {
                        value |= 1 << k;
                    }
                }
                out.write(value);
                i = (int) Math.round(i + bit * 9.5); // the receiver then waits for its stop bit
            } else {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int put(boolean[] line, int pos, boolean level) {
        java.util.Arrays.fill(line, pos, pos + OVERSAMPLE, level);
        return pos + OVERSAMPLE;
    }
}
