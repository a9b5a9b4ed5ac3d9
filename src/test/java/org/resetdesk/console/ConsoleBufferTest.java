package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleBufferTest {

    @Test
    void drainReturnsEverythingOnceAndNullWhenEmpty() {
        ConsoleBuffer b = new ConsoleBuffer();
        assertThat(b.drain()).isNull();
        b.appendLine("U-Boot 2010.06");
        b.listener().onLine(Instant.EPOCH, "DRAM:  512 MiB");
        b.listener().onLink(Instant.EPOCH, false, "the port went away");
        assertThat(b.drain()).isEqualTo("U-Boot 2010.06\nDRAM:  512 MiB\n--- console disconnected: the port went away\n");
        assertThat(b.drain()).isNull();
    }

    @Test
    void undrainedTextKeepsOnlyTheNewestWholeLines() {
        ConsoleBuffer b = new ConsoleBuffer(1000);
        for (int i = 0; i < 500; i++) {
            b.appendLine("line " + i);
        }
        String s = b.drain();
        assertThat(s.length()).isLessThanOrEqualTo(1000);
        assertThat(s).startsWith("line ").endsWith("line 499\n");
        assertThat(b.droppedChars()).isGreaterThan(0);
    }

    @Test
    void manyWritersOneDrainerLoseNothing() throws Exception {
        ConsoleBuffer b = new ConsoleBuffer(1 << 22);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int id = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 5000; i++) {
                    b.appendLine(id + ":" + i);
                }
            }));
        }
        StringBuilder all = new StringBuilder();
        CompletableFuture<Void> done = CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new));
        while (!done.isDone()) {
            String s = b.drain();
            if (s != null) {
                all.append(s);
            }
        }
        done.get(10, TimeUnit.SECONDS);
        String rest = b.drain();
        if (rest != null) {
            all.append(rest);
        }
        assertThat(all.toString().split("\n")).hasSize(20_000).contains("0:0", "3:4999");
    }
}
