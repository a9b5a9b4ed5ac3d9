package org.resetdesk.console;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open a console port. Defaults: 115200 baud, 8 data bits, no parity, 1 stop bit, no flow control (what
 * Hikvision-type recorders use on their debug UART); reopen after 200 ms, backing off to 5 s; lines capped at 4 KiB.
 *
 * @param port      the configured device path ({@code /dev/ttyUSB0}, a symlink, or a pty such as {@code /dev/pts/3})
 * @param retryMin  first wait before reopening a port that is missing or went away
 * @param retryMax  longest wait between reopen attempts (the wait doubles up to this)
 * @param watch     how often an open port's path is checked for having vanished
 */
public record SerialSettings(String port, int baud, int dataBits, StopBits stopBits, Parity parity, boolean flowControl,
                             Duration retryMin, Duration retryMax, Duration watch, int maxLine) {

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits { ONE, ONE_AND_HALF, TWO }

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        if (port.isBlank()) {
            throw new IllegalArgumentException("console port path is empty");
        }
        try {
            java.nio.file.Path.of(port);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("not a valid console port path: " + e.getMessage());
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8: " + dataBits);
        }
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(parity, "parity");
        if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 < min <= max");
        }
        if (watch.isNegative() || watch.isZero()) {
            throw new IllegalArgumentException("watch interval must be positive");
        }
        if (maxLine < 16) {
            throw new IllegalArgumentException("line cap too small: " + maxLine);
        }
    }

    /** 115200 8N1, no flow control, on {@code port}. */
    public static SerialSettings defaults(String port) {
        return new SerialSettings(port, 115200, 8, StopBits.ONE, Parity.NONE, false, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofMillis(250), LineFramer.DEFAULT_MAX_LINE);
    }

    public SerialSettings withBaud(int newBaud) {
        return new SerialSettings(port, newBaud, dataBits, stopBits, parity, flowControl, retryMin, retryMax, watch,
                maxLine);
    }

    public SerialSettings withFrame(int newDataBits, Parity newParity, StopBits newStopBits) {
        return new SerialSettings(port, baud, newDataBits, newStopBits, newParity, flowControl, retryMin, retryMax,
                watch, maxLine);
    }

    public SerialSettings withFlowControl(boolean hardware) {
        return new SerialSettings(port, baud, dataBits, stopBits, parity, hardware, retryMin, retryMax, watch, maxLine);
    }

    public SerialSettings withRetry(Duration min, Duration max) {
        return new SerialSettings(port, baud, dataBits, stopBits, parity, flowControl, min, max, watch, maxLine);
    }

    /** For example {@code 115200 8N1}. */
    public String describe() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_AND_HALF -> "1.5";
            case TWO -> "2";
        };
        return baud + " " + dataBits + parity.name().charAt(0) + stop + (flowControl ? " RTS/CTS" : "");
    }
}
