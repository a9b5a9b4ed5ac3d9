package org.resetdesk.console;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.resetdesk.job.ConsoleLink;

/**
 * A recorder's serial console through jSerialComm, on a configured path (ptys are not listed by
 * {@code SerialPort.getCommPorts()}, so nothing here enumerates ports). Listen-only: this class never writes to the
 * port.
 *
 * <p>Threads: jSerialComm's event thread only frames the bytes it receives and hands the lines to the dispatcher
 * ({@link LineDispatch}), which parses them and calls the listeners. A supervisor thread opens the port, watches
 * it (jSerialComm's disconnect event, and the path vanishing), closes it when it goes away and reopens it with
 * exponential backoff ({@link SerialSettings#retryMin()} to {@link SerialSettings#retryMax()}). Nothing is ever
 * reopened inside {@code serialEvent()}, and no method throws into the caller.
 */
public final class SerialConsole implements ConsoleLink {
    private final SerialSettings settings;
    private final Clock clock;
    private final LineDispatch dispatch;
    private final Object lock = new Object();
    private Thread supervisor;
    private volatile boolean running;
    private volatile PortListener current;

    public SerialConsole(SerialSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.dispatch = new LineDispatch(settings.port());
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public String port() {
        return settings.port();
    }

    @Override
    public boolean isConnected() {
        return running && current != null;
    }

    @Override
    public void addListener(Listener listener) {
        dispatch.addListener(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        dispatch.removeListener(listener);
    }

    /** Every recognised boot-log line with its fields (for {@code console watch} and diagnostics). */
    public void addEventListener(BiConsumer<Instant, ConsoleEvent> listener) {
        dispatch.addEventListener(listener);
    }

    /** Lines dropped because listeners fell too far behind (should stay 0). */
    public long droppedLines() {
        return dispatch.dropped();
    }

    /** Returns at once, unless a previous {@link #stop()} is still releasing the port (then up to ~0.5 s). */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Thread previous = supervisor;
        if (previous != null) {
            try {
                previous.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = true;
        dispatch.start();
        supervisor = new Thread(this::supervise, "console-link " + settings.port());
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /**
     * Returns at once: no listener is called after it returns; the supervisor thread closes the port in the background
     * (jSerialComm takes ~0.4 s to stop its event thread).
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        dispatch.stop();
        wake();
    }

    private void supervise() {
        long backoff = settings.retryMin().toMillis();
        boolean reportedDown = false;
        while (running) {
            PortListener open = current;
            if (open == null) {
                String why;
                try {
                    why = tryOpen();
                } catch (RuntimeException | LinkageError e) { // e.g. jSerialComm's native library cannot load
                    why = "serial support failed on " + settings.port() + ": " + e;
                }
                if (why == null) {
                    backoff = settings.retryMin().toMillis();
                    reportedDown = false;
                    dispatch.link(clock.instant(), true, "listening on " + settings.port() + " at " + settings.describe());
                    continue;
                }
                if (!reportedDown) {
                    dispatch.link(clock.instant(), false, why);
                    reportedDown = true;
                }
                pause(backoff, null);
                backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
            } else {
                pause(settings.watch().toMillis(), open);
                String why = open.lost ? "the port went away (adapter unplugged?)"
                        : !Files.exists(Path.of(settings.port())) ? "the port path is gone" : null;
                if (why != null && running) {
                    close(open);
                    dispatch.link(clock.instant(), false, why);
                    reportedDown = true;
                }
            }
        }
        close(current);
    }

    /** Opens the port; null when it is open and listened to, otherwise why not. */
    private String tryOpen() {
        String path = settings.port();
        if (!Files.exists(Path.of(path))) {
            return "no such port: " + path;
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (com.fazecast.jSerialComm.SerialPortInvalidPortException e) {
            return "not a serial port: " + path + " (" + e.getMessage() + ")";
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(), parity());
        port.setFlowControl(settings.flowControl()
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            int code = port.getLastErrorCode();
            String hint = switch (code) {
                case 13 -> ": permission denied, is the kiosk user in group dialout?";
                case 16 -> ": busy, another program has it open";
                case 25 -> ": not a terminal device";
                default -> "";
            };
            return "cannot open " + path + " (error " + code + hint + ")";
        }
        PortListener listener = new PortListener(port, new LineFramer(settings.maxLine()));
        if (!port.addDataListener(listener)) {
            port.closePort();
            return "cannot listen on " + path;
        }
        current = listener;
        return null;
    }

    private void pause(long millis, PortListener watched) {
        synchronized (lock) {
            if (!running || (watched != null && watched.lost)) {
                return;
            }
            try {
                lock.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void close(PortListener listener) {
        if (listener == null) {
            return;
        }
        if (current == listener) {
            current = null;
        }
        try {
            listener.port.removeDataListener();
            listener.port.closePort();
        } catch (RuntimeException ignored) {
            // the adapter is already gone; nothing more to release
        }
        listener.finish();
    }

    private int stopBits() {
        return switch (settings.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_AND_HALF -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private int parity() {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    /** One per opened port: jSerialComm calls it on its own thread; it frames and hands on, nothing else. */
    private final class PortListener implements SerialPortDataListener {
        final SerialPort port;
        private final LineFramer framer;
        volatile boolean lost;

        PortListener(SerialPort port, LineFramer framer) {
            this.port = port;
            this.framer = framer;
        }

        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_DATA_RECEIVED | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            if (event.getEventType() == SerialPort.LISTENING_EVENT_DATA_RECEIVED) {
                byte[] data = event.getReceivedData();
                if (data != null && data.length > 0) {
                    Instant at = clock.instant();
                    synchronized (framer) {
                        framer.feed(data, 0, data.length, line -> dispatch.line(at, line));
                    }
                }
            } else if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED && !lost) {
                lost = true; // jSerialComm repeats this event until the port is closed: signal once
                wake();
            }
        }

        /** After the port is closed: an unterminated last line still reaches the listeners. */
        void finish() {
            Instant at = clock.instant();
            synchronized (framer) {
                framer.finish(line -> dispatch.line(at, line));
            }
        }
    }
}
