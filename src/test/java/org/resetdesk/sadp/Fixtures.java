package org.resetdesk.sadp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads SADP capture fixtures from {@code src/test/resources/fixtures/sadp/<group>/<name>}. */
public final class Fixtures {
    public static final String VECTOR_1 = "must-parse/DS-2CD2432F-IW-V5.2.5-inquiry.xml";
    public static final String VECTOR_2 = "must-parse/DS-2CD2385G1-I-V5.6.2-inquiry.xml";
    public static final String VECTOR_6 = "must-parse/DS-2CD2T47G1-L-V5.6.5-inquiry.xml";

    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/sadp/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
