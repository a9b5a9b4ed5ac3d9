package org.resetdesk.job;

import java.util.Arrays;
import java.util.List;

/**
 * What the customer brings for a reset without a support round trip: the GUID file they saved at activation, the
 * answers to their security questions, or the security code support read out for old firmware. Secrets are
 * {@code char[]}/{@code byte[]} and wiped by {@link #wipe()} once sent.
 */
public record DirectProof(ResetMethod method, byte[] guidFile, List<Answer> answers, String legacyCode) {

    public record Answer(String questionId, char[] answer) {}

    public static DirectProof guid(byte[] file) {
        return new DirectProof(ResetMethod.GUID_FILE, file, List.of(), null);
    }

    public static DirectProof answers(List<Answer> answers) {
        return new DirectProof(ResetMethod.SECURITY_QUESTIONS, null, List.copyOf(answers), null);
    }

    public static DirectProof legacy(String code) {
        return new DirectProof(ResetMethod.LEGACY_SECURITY_CODE, null, List.of(), code);
    }

    public void wipe() {
        if (guidFile != null) {
            Arrays.fill(guidFile, (byte) 0);
        }
        for (Answer a : answers) {
            Arrays.fill(a.answer(), '\0');
        }
    }
}
