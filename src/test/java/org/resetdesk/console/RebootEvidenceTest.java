package org.resetdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetdesk.console.RebootEvidence.Verdict;

class RebootEvidenceTest {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private final BootLogParser parser = new BootLogParser();
    private final RebootEvidence evidence = new RebootEvidence();

    private Verdict judge(String line, long secondsAfterT0) {
        ConsoleEvent e = parser.parse(line).orElseThrow();
        return evidence.judge(e, T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void oneBootGivesOneBootVerdict() {
        assertThat(judge("U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)", 0)).isEqualTo(Verdict.BOOT);
        assertThat(judge("Hit ctrl+u to stop autoboot:  0", 1)).isEqualTo(Verdict.NONE);
        assertThat(judge("Starting kernel ...", 4)).isEqualTo(Verdict.NONE);
    }

    @Test
    void aGateWhoseBannerWasGarbledStillCountsAndABootLoopCountsEveryTime() {
        assertThat(judge("Hit ctrl+u to stop autoboot:  0", 0)).isEqualTo(Verdict.BOOT);
        assertThat(judge("U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)", 30)).isEqualTo(Verdict.BOOT);
        assertThat(judge("U-Boot 2010.06-svn64409 (Jul 01 2021 - 08:52:03)", 32)).isEqualTo(Verdict.BOOT);
        assertThat(judge("Hit ctrl+u to stop autoboot:  0", 33)).isEqualTo(Verdict.NONE);
        assertThat(judge("Hit ctrl+u to stop autoboot:  0", 60)).isEqualTo(Verdict.BOOT);
    }

    @Test
    void failuresAreFailuresAndInformationIsNothing() {
        assertThat(judge("LZMA data is corrupt -- System halted", 0)).isEqualTo(Verdict.FAILURE);
        assertThat(judge("CRAMFS LOAD ERROR", 0)).isEqualTo(Verdict.FAILURE);
        assertThat(judge("File system error, please upgrade by TFTP", 0)).isEqualTo(Verdict.FAILURE);
        assertThat(judge("undefined instruction", 0)).isEqualTo(Verdict.FAILURE);
        assertThat(judge("MAC: 08-A1-89-0E-18-97", 0)).isEqualTo(Verdict.NONE);
        assertThat(judge("HKVS $ printenv", 0)).isEqualTo(Verdict.NONE);
    }

    @Test
    void theFixturesGiveTheExpectedVerdicts() throws Exception {
        assertThat(verdicts("nvr-a2-boot.log")).containsExactly(Verdict.BOOT);
        assertThat(verdicts("ds2cd2132-tv5-busybox.log")).containsExactly(Verdict.BOOT);
        assertThat(verdicts("ds7108ni-q1-tv3-upgrade-mismatch.log")).containsExactly(Verdict.BOOT, Verdict.FAILURE);
        assertThat(verdicts("ds7732ni-i4b-tv2-bootcmd-misuse.log")).containsExactly(Verdict.FAILURE, Verdict.FAILURE);
        assertThat(verdicts("ds7108ni-q1-tv3-upgrade-success.log")).isEmpty();
    }

    private static List<Verdict> verdicts(String fixture) throws Exception {
        RebootEvidence ev = new RebootEvidence();
        List<Verdict> out = new ArrayList<>();
        for (ConsoleEvent e : BootLogParserTest.decode(fixture)) {
            Verdict v = ev.judge(e, T0);
            if (v != Verdict.NONE) {
                out.add(v);
            }
        }
        return out;
    }
}
