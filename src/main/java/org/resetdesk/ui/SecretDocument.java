package org.resetdesk.ui;

import java.util.Arrays;
import javax.swing.text.BadLocationException;
import javax.swing.text.GapContent;
import javax.swing.text.PlainDocument;
import javax.swing.undo.UndoableEdit;

/**
 * The document behind every password and PIN field. Swing's default content keeps removed characters in its gap
 * buffer and drops old buffers unwiped when it grows; this one zeroes removed characters and every buffer it
 * replaces, so clearing the field leaves no copy of the secret in the field's memory.
 */
public final class SecretDocument extends PlainDocument {

    private final WipingContent content;

    public SecretDocument() {
        this(new WipingContent());
    }

    private SecretDocument(WipingContent c) {
        super(c);
        content = c;
    }

    /** A copy of the whole character buffer, gap included (tests check that nothing of a secret is left). */
    char[] rawBuffer() {
        return ((char[]) content.array()).clone();
    }

    private static final class WipingContent extends GapContent {
        WipingContent() {
            super(32);
        }

        /** No undo record: it would keep the removed characters as a String. */
        @Override
        public UndoableEdit remove(int where, int nitems) throws BadLocationException {
            super.remove(where, nitems);
            wipeGap();
            return null;
        }

        @Override
        public UndoableEdit insertString(int where, String str) throws BadLocationException {
            super.insertString(where, str);
            return null;
        }

        @Override
        protected void shiftEnd(int newSize) {
            char[] old = (char[]) getArray();
            super.shiftEnd(newSize);
            if (old != getArray()) {
                Arrays.fill(old, '\0');
            }
        }

        @Override
        protected void shiftGap(int newGapStart) {
            super.shiftGap(newGapStart);
            wipeGap();
        }

        Object array() {
            return getArray();
        }

        private void wipeGap() {
            char[] a = (char[]) getArray();
            Arrays.fill(a, getGapStart(), getGapEnd(), '\0');
        }
    }
}
