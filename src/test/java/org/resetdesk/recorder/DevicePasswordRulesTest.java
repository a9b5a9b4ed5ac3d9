package org.resetdesk.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** recorder-console-and-isapi.md B4: basic rules on every profile, the stricter DVR-manual rules on the DVR. */
class DevicePasswordRulesTest {
    private static boolean risky(String pw, boolean strict) {
        return DevicePasswordRules.riskReason(pw.toCharArray(), "admin", strict).isPresent();
    }

    @Test
    void basicRules() {
        assertThat(risky("12345", false)).as("too short").isTrue();
        assertThat(risky("Abcdefgh12345678X", false)).as("17 characters").isTrue();
        assertThat(risky("abcdefgh", false)).as("one kind").isTrue();
        assertThat(risky("12345678", false)).as("digits only").isTrue();
        assertThat(risky("nimda", false)).isTrue();
        assertThat(risky("Passwort\u00e91", false)).as("non-ASCII").isTrue();
        assertThat(risky("abcd1234", false)).as("two kinds is enough on basic rules").isFalse();
        assertThat(risky("Counter7Reset", false)).isFalse();
        assertThat(risky("shop.counter", false)).as("lower + special").isFalse();
    }

    @Test
    void strictRulesOnTopOfTheBasicOnes() {
        assertThat(risky("abcd1234", true)).as("4 increasing digits").isTrue();
        assertThat(risky("xy9876ab", true)).as("4 decreasing digits").isTrue();
        assertThat(risky("Paaaa5word", true)).as("4 identical").isTrue();
        assertThat(risky("myAdmin77x", true)).as("contains admin").isTrue();
        assertThat(risky("x123Yzzzq", true)).as("contains 123").isTrue();
        assertThat(risky("Shop4Counter!", true)).isFalse();
        assertThat(risky("Paaaa5word", false)).as("allowed on basic rules").isFalse();
    }

    @Test
    void reasonNeverEchoesThePassword() {
        String pw = "secretpassword";
        assertThat(DevicePasswordRules.riskReason(pw.toCharArray(), "admin", true)).get().asString().doesNotContain(pw);
    }
}
