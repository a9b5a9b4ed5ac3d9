package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * Why a hand scanner and not Woodstox as the primary parser, proved both ways. Woodstox (DTD support and external
 * entities off) serves as an oracle: on every input it accepts as well-formed — the captures and every mutation that
 * happens to stay well-formed — the scanner must read exactly the same leaf elements. On the inputs Woodstox rejects
 * (cut-off datagrams, firmware slips), the scanner still recovers fields, which Woodstox cannot.
 */
class SadpCodecOracleTest {
    private static final XMLInputFactory STAX = oracleFactory();

    private static XMLInputFactory oracleFactory() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Leaf elements (no child element) by local name, first occurrence, stripped; null when not well-formed. */
    static Map<String, String> oracle(byte[] in) {
        Map<String, String> leaves = new LinkedHashMap<>();
        try {
            XMLStreamReader r = STAX.createXMLStreamReader(new ByteArrayInputStream(in));
            Deque<StringBuilder> text = new ArrayDeque<>();
            Deque<Boolean> hasChild = new ArrayDeque<>();
            Deque<String> names = new ArrayDeque<>();
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (!hasChild.isEmpty()) {
                        hasChild.pop();
                        hasChild.push(true);
                    }
                    names.push(XmlScanner.localName(r.getLocalName()));
                    text.push(new StringBuilder());
                    hasChild.push(false);
                    depth++;
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    if (!text.isEmpty()) {
                        text.peek().append(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = names.pop();
                    String t = text.pop().toString();
                    boolean parent = hasChild.pop();
                    depth--;
                    if (!parent && depth > 0) {
                        leaves.putIfAbsent(name, t.strip());
                    }
                }
            }
            return leaves;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    @Test
    void capturesReadTheSameAsWithWoodstox() throws Exception {
        for (String f : List.of(Fixtures.VECTOR_1, Fixtures.VECTOR_2, Fixtures.VECTOR_6,
                "must-recover/DS-2CD2T47G1-L-V5.6.5-crlf.xml", "must-recover/reset-reply-codeerror.xml")) {
            byte[] in = Fixtures.bytes(f);
            Map<String, String> want = oracle(in);
            assertThat(want).as(f).isNotNull();
            assertThat(SadpCodec.decode(in).fields()).as(f).containsExactlyInAnyOrderEntriesOf(want);
        }
    }

    @Test
    void everyWellFormedMutationReadsTheSameAsWithWoodstox() throws Exception {
        Random rnd = new Random(0x0_AC1E);
        List<byte[]> seeds = List.of(Fixtures.bytes(Fixtures.VECTOR_1), Fixtures.bytes(Fixtures.VECTOR_2),
                Fixtures.bytes(Fixtures.VECTOR_6), Fixtures.bytes("must-recover/reset-reply-codeerror.xml"));
        Method mutate = SadpCodecPropertyTest.class.getDeclaredMethod("mutate", byte[].class, Random.class);
        mutate.setAccessible(true);
        int wellFormed = 0;
        int recoveredWhereWoodstoxFailed = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] in = (byte[]) mutate.invoke(null, seeds.get(rnd.nextInt(seeds.size())), rnd);
            Map<String, String> want = oracle(in);
            SadpDocument got;
            try {
                got = SadpCodec.decode(in);
            } catch (SadpFormatException e) {
                got = null;
            }
            if (want != null && got != null && new String(in, java.nio.charset.StandardCharsets.UTF_8)
                    .indexOf('\u0000') < 0) {
                wellFormed++;
                assertThat(got.fields()).as("mutation %d: %s", i, new String(in,
                        java.nio.charset.StandardCharsets.UTF_8)).containsExactlyInAnyOrderEntriesOf(want);
                assertThat(got.truncated()).as("mutation %d", i).isFalse();
            } else if (want == null && got != null && got.get("MAC") != null) {
                recoveredWhereWoodstoxFailed++;
            }
        }
        assertThat(wellFormed).as("well-formed mutations compared").isGreaterThan(200);
        assertThat(recoveredWhereWoodstoxFailed).as("fields recovered from documents Woodstox refuses")
                .isGreaterThan(1_000);
    }
}
