package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Typing, deleting and clearing a secret leaves none of its characters in the document's buffer. */
@Tag("gui")
class SecretDocumentTest {
    @Test
    void clearingLeavesNoCharacterOfTheSecretBehind() throws Exception {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            SecretDocument doc = new SecretDocument();
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < 5 + r.nextInt(60); i++) {
                char c = (char) ('A' + r.nextInt(26));
                int at = r.nextInt(doc.getLength() + 1);
                doc.insertString(at, String.valueOf(c), null);
                typed.insert(at, c);
                if (r.nextInt(4) == 0 && doc.getLength() > 0) {
                    int del = r.nextInt(doc.getLength());
                    doc.remove(del, 1);
                    typed.deleteCharAt(del);
                }
            }
            assertThat(doc.getText(0, doc.getLength())).isEqualTo(typed.toString());
            doc.remove(0, doc.getLength());
            // only the document's implied final newline and zeros may remain
            assertThat(new String(buffer(doc)).replace("\0", "")).as("round " + round).isEqualTo("\n");
        }
    }

    private static char[] buffer(SecretDocument doc) {
        return doc.rawBuffer();
    }
}
