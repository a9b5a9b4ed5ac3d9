package org.resetdesk.ui.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportScreenTextTest {
    @Test
    void longNamesKeepBothEndsAndTheirLength() {
        String name = "DS-7608NI-K20820230412CCWRJ12345678-20261125-1201-attempt1.xml";
        String shown = ExportScreen.middle(name, 44);
        assertThat(shown).hasSize(44).startsWith("DS-7608NI-K208202304").endsWith("-attempt1.xml").contains("…");
        assertThat(ExportScreen.middle("short.xml", 44)).isEqualTo("short.xml");
        assertThat(ExportScreen.middle("x".repeat(44), 44)).isEqualTo("x".repeat(44));
    }
}
