package org.resetdesk.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import javax.swing.SwingUtilities;

/**
 * Starts the kiosk window. {@link #start} is what {@code RootCommand.kioskStarter} calls: it shows the frame, prints
 * {@code ready in <N> ms} (since JVM start) once the first frame is painted, and blocks until a manager leaves the
 * kiosk, returning the exit code. {@link #launch} does the same without blocking (tests, benchmarks).
 */
public final class KioskApp {

    /** A running kiosk: its frame (once built), the first-paint time and the exit code. */
    public record Handle(CompletableFuture<KioskFrame> frame, CompletableFuture<Long> ready,
                         CompletableFuture<Integer> exit) {}

    private KioskApp() {}

    /** Shows the kiosk and blocks the calling (non-EDT) thread until it is left; returns the exit code. */
    public static int start(KioskContext ctx) {
        return launch(ctx).exit().join();
    }

    public static Handle launch(KioskContext ctx) {
        if (SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("KioskApp.launch blocks on the EDT's work; call it from main");
        }
        Handle h = new Handle(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
        SwingUtilities.invokeLater(() -> {
            try {
                if (Boolean.getBoolean("resetdesk.edtCheck")) {
                    EdtCheck.install();
                }
                Messages.use(ctx.settings().locale());
                Theme.apply(ctx.settings().highContrast(), ctx.settings().fontScale());
                Session session = new Session(ctx);
                KioskFrame frame = new KioskFrame(session, () -> {
                    long ms = sinceJvmStart();
                    System.out.println("ready in " + ms + " ms");
                    System.out.flush();
                    h.ready().complete(ms);
                }, code -> h.exit().complete(code));
                frame.showFullScreen();
                h.frame().complete(frame);
            } catch (RuntimeException | Error e) {
                h.frame().completeExceptionally(e);
                h.ready().completeExceptionally(e);
                h.exit().completeExceptionally(e);
            }
        });
        return h;
    }

    /**
     * Milliseconds since this JVM started, by the VM's own start stamp (millisecond precision; the OS process start
     * time on Linux is only as precise as the boot time in whole seconds). The clock is read first, so loading the
     * management classes is not counted.
     */
    static long sinceJvmStart() {
        long now = System.currentTimeMillis();
        return now - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
