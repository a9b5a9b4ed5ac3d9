package org.resetdesk.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {
    @ParameterizedTest
    @CsvSource({
        "abc, RISKY, password.rule.tooShort",
        "abcdefgh, RISKY, password.rule.types",
        "Admin2024x!, RISKY, password.rule.userName",
        "nimda55Xy!, RISKY, password.rule.userName",
        "Pass1234word!, STRONG, password.rule.sequence",
        "Paaaa5word!, STRONG, password.rule.sequence",
        "abc123XYZ!, STRONG, password.rule.common",
        "Averylongpassword9!, STRONG, password.rule.tooLong",
    })
    void rejectsWhatTheVendorRejects(String pw, String strength, String problem) {
        PasswordRules.Assessment a = PasswordRules.assess(pw.toCharArray(), "admin");
        assertThat(a.problems()).contains(problem);
        assertThat(a.acceptable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"Tr4vel-Blue9, STRONG", "counter7Shop, STRONG", "k9#mountain, STRONG", "river2stone, WEAK"})
    void gradesGoodPasswords(String pw, String strength) {
        PasswordRules.Assessment a = PasswordRules.assess(pw.toCharArray(), "admin");
        assertThat(a.strength().name()).isEqualTo(strength);
        assertThat(a.problems()).isEmpty();
        assertThat(a.acceptable()).isEqualTo(strength.equals("STRONG"));
    }
}
