package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootScriptTest {
    private final BootLogParser parser = new BootLogParser();

    private List<ConsoleEvent> events(BootScript script) {
        List<ConsoleEvent> out = new ArrayList<>();
        LineFramer f = new LineFramer();
        f.feed(script.bytes()).forEach(l -> parser.parse(l.text()).ifPresent(out::add));
        f.finish(l -> parser.parse(l.text()).ifPresent(out::add));
        return out;
    }

    @Test
    void normalBootPrintsTheBannerFirstAndTheKernelSecondsLater() {
        BootScript s = BootScript.nvr("2010.06-svn19235", "Jan 15 2018 - 20:50:54", "c0:56:e3:fe:42:92");
        assertThat(s.steps().get(0).atMillis()).isZero();
        assertThat(s.steps().get(0).text()).contains("U-Boot 2010.06-svn19235 (Jan 15 2018 - 20:50:54)");
        List<ConsoleEvent> e = events(s);
        assertThat(e).extracting(ConsoleEvent::type).containsExactly(ConsoleEventType.BOOT_BANNER,
                ConsoleEventType.MAC, ConsoleEventType.AUTOBOOT_GATE, ConsoleEventType.RSA_OK,
                ConsoleEventType.KERNEL_START, ConsoleEventType.BOOTARGS);
        assertThat(e.get(1).field("mac")).isEqualTo("c0-56-e3-fe-42-92");
        assertThat(e.get(2).field("countdown")).isEqualTo("0");
        long kernelAt = s.steps().stream().filter(st -> st.text().contains("Starting kernel")).findFirst()
                .orElseThrow().atMillis();
        assertThat(kernelAt).isGreaterThanOrEqualTo(3000);
        assertThat(s.durationMillis()).isBetween(3000L, 10_000L);
        assertThat(s.steps()).isSortedAccordingTo((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
    }

    @Test
    void corruptKernelBootEndsInAHalt() {
        List<ConsoleEvent> e = events(BootScript.corruptKernel(BootScript.DEFAULT_UBOOT, BootScript.DEFAULT_BUILD_DATE,
                "08-a1-89-0e-18-97"));
        assertThat(e.get(0).type()).isEqualTo(ConsoleEventType.BOOT_BANNER);
        assertThat(e.get(e.size() - 1).type()).isEqualTo(ConsoleEventType.HALT);
        assertThat(e.get(e.size() - 1).field("reason")).isEqualTo("LZMA data is corrupt");
    }
}
