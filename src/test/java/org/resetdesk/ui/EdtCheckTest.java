package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The debug check records Swing access from a worker thread, and stays quiet for the EDT. */
@Tag("gui")
class EdtCheckTest {
    @Test
    void recordsOffEdtRepaintsOfShowingComponents() throws Exception {
        RepaintManager before = RepaintManager.currentManager((JLabel) null);
        JFrame[] frame = new JFrame[1];
        JLabel[] label = new JLabel[1];
        EdtCheck[] check = new EdtCheck[1];
        SwingUtilities.invokeAndWait(() -> {
            check[0] = EdtCheck.install();
            frame[0] = new JFrame("edt-check");
            label[0] = new JLabel("x");
            label[0].setName("probe");
            frame[0].add(label[0]);
            frame[0].pack();
            frame[0].setVisible(true);
        });
        try {
            SwingUtilities.invokeAndWait(() -> label[0].setText("on the EDT"));
            assertThat(check[0].violations()).isEmpty();
            CompletableFuture.runAsync(() -> label[0].setText("from a worker")).join();
            assertThat(check[0].violations()).hasSize(1);
            assertThat(check[0].violations().get(0)).contains("probe");
        } finally {
            SwingUtilities.invokeAndWait(() -> {
                frame[0].dispose();
                RepaintManager.setCurrentManager(before);
            });
        }
    }
}
