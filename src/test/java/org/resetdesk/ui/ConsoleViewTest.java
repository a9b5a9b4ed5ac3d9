package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resetdesk.console.ConsoleBuffer;

@Tag("gui")
class ConsoleViewTest {

    private static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) {
            throw err.get();
        }
        return out.get();
    }

    @Test
    void linesFromAnotherThreadReachTheTextAreaThroughTheTimer() throws Exception {
        ConsoleBuffer buffer = new ConsoleBuffer();
        ConsoleView view = onEdt(() -> new ConsoleView(buffer));
        onEdt(() -> {
            view.start();
            return null;
        });
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 2000; i++) {
                buffer.appendLine("line " + i);
            }
        }).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> onEdt(() -> view.textArea().getText()).endsWith(
                "line 1999\n"));
        String text = onEdt(() -> view.textArea().getText());
        assertThat(text).startsWith("line 0\nline 1\n");
        assertThat(text.split("\n")).hasSize(2000);
        onEdt(() -> {
            view.stop();
            return null;
        });
        assertThat(onEdt(view::isRunning)).isFalse();
    }

    @Test
    void theAreaKeepsOnlyTheNewestTextAndRefusesOffEdtUse() throws Exception {
        ConsoleBuffer buffer = new ConsoleBuffer();
        ConsoleView view = onEdt(() -> new ConsoleView(buffer, 1000));
        for (int i = 0; i < 500; i++) {
            buffer.appendLine("row " + i);
        }
        onEdt(() -> {
            view.drain();
            return null;
        });
        String text = onEdt(() -> view.textArea().getText());
        assertThat(text.length()).isEqualTo(1000);
        assertThat(text).endsWith("row 499\n");
        assertThatThrownBy(view::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(view::drain).isInstanceOf(IllegalStateException.class);
    }
}
