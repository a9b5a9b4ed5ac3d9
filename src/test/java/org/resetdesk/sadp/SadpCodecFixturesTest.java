package org.resetdesk.sadp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder against the real captures (sadp-protocol.md §4.3) and derived broken and hostile documents. */
class SadpCodecFixturesTest {

    @Nested
    class MustParse {
        @Test
        void vector1OldFirmwareHasNoFlags() throws Exception {
            SadpDocument d = SadpCodec.decode(Fixtures.bytes(Fixtures.VECTOR_1));
            assertThat(d.root()).isEqualTo("ProbeMatch");
            assertThat(d.truncated()).isFalse();
            assertThat(d.recovery()).isNull();
            assertThat(d.get("Uuid")).isEqualTo("FC25924E-AFE2-49E6-ACC9-F84A6859054D");
            assertThat(d.get("DeviceSN")).isEqualTo("DS-2CD2432F-IW20150126CCCH502126167");
            assertThat(d.get("MAC")).isEqualTo("c0-56-e3-fe-42-92");
            assertThat(d.get("DSPVersion")).isEqualTo("V5.0, build 140714");
            assertThat(d.get("BootTime")).isEqualTo("2016-03-06 09:18:17");
            assertThat(d.bool("DHCP")).isFalse();
            assertThat(d.get("Activated")).isNull();
            assertThat(d.fields()).hasSize(20);
        }

        @Test
        void vector2TabsAndFlaseBooleans() throws Exception {
            SadpDocument d = SadpCodec.decode(Fixtures.bytes(Fixtures.VECTOR_2));
            assertThat(d.truncated()).isFalse();
            assertThat(d.recovery()).isNull();
            assertThat(d.get("DeviceType")).isEqualTo("141945");
            assertThat(d.get("SoftwareVersion")).isEqualTo("V5.6.2build 190701");
            assertThat(d.bool("HCPlatformEnable")).isFalse();
            assertThat(d.get("HCPlatformEnable")).isEqualTo("flase");
            assertThat(d.bool("DeviceLock")).isFalse();
            assertThat(d.bool("SupportMailBox")).isTrue();
            assertThat(d.integer("SDKOverTLSPort")).isEqualTo(8443);
            assertThat(d.get("Salt")).hasSize(64);
            assertThat(d.fields()).hasSize(37);
        }

        @Test
        void vector6LowerCaseUuid() throws Exception {
            SadpDocument d = SadpCodec.decode(Fixtures.bytes(Fixtures.VECTOR_6));
            assertThat(d.get("Uuid")).isEqualTo("d311b3b5-a4c1-47c0-bf4b-c0a26de18451");
            assertThat(d.get("DeviceType")).isEqualTo("155650");
            assertThat(d.bool("Activated")).isTrue();
            assertThat(d.get("BootTime")).isNull();
            assertThat(d.truncated()).isFalse();
        }
    }

    @Nested
    class MustRecover {
        private SadpDocument decode(String name) throws SadpFormatException {
            return SadpCodec.decode(Fixtures.bytes("must-recover/" + name));
        }

        @Test
        void cutInsideAValueKeepsEverythingBeforeTheCut() throws Exception {
            SadpDocument d = decode("DS-2CD2385G1-I-V5.6.2-truncated-in-value.xml");
            assertThat(d.truncated()).isTrue();
            assertThat(d.get("IsModifyVerificationCode")).isEqualTo("true");
            assertThat(d.get("MAC")).isEqualTo("58-50-ed-1f-e3-85");
            assertThat(d.get("Salt")).as("the half value is not trusted").isNull();
            assertThat(d.get("SupportMailBox")).isNull();
        }

        @Test
        void cutInsideATagName() throws Exception {
            SadpDocument d = decode("DS-2CD2432F-IW-V5.2.5-truncated-in-tag.xml");
            assertThat(d.truncated()).isTrue();
            assertThat(d.get("DigitalChannelNum")).isEqualTo("1");
            assertThat(d.get("SoftwareVersion")).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"DS-2CD2T47G1-L-V5.6.5-crlf.xml", "DS-2CD2T47G1-L-V5.6.5-reordered.xml",
                "DS-2CD2T47G1-L-V5.6.5-whitespace.xml", "odd-declaration-single-quotes-gb2312.xml",
                "odd-declaration-none.xml", "odd-declaration-bom-and-blank-lines.xml",
                "odd-declaration-uppercase-twice.xml", "namespaced-comment-cdata.xml"})
        void sameFieldsAsVector6(String name) throws Exception {
            SadpDocument want = SadpCodec.decode(Fixtures.bytes(Fixtures.VECTOR_6));
            SadpDocument d = decode(name);
            assertThat(d.root()).isEqualTo("ProbeMatch");
            assertThat(d.truncated()).isFalse();
            assertThat(d.recovery()).isNull();
            assertThat(d.fields()).containsExactlyInAnyOrderEntriesOf(want.fields());
        }

        @Test
        void brokenEndTagAndStrayBracketRecoveredLineByLine() throws Exception {
            SadpDocument clean = SadpCodec.decode(Fixtures.bytes(Fixtures.VECTOR_2));
            SadpDocument d = decode("DS-2CD2385G1-I-V5.6.2-malformed-end-tag.xml");
            assertThat(d.recovery()).startsWith("malformed XML");
            assertThat(d.root()).isEqualTo("ProbeMatch");
            for (String k : new String[] {"Uuid", "MAC", "IPv4Address", "SupportMailBox", "Salt", "HttpPort"}) {
                assertThat(d.get(k)).as(k).isEqualTo(clean.get(k));
            }
        }

        @Test
        void mismatchedEndTagKeepsTheOtherFields() throws Exception {
            SadpDocument d = decode("DS-2CD2432F-IW-V5.2.5-mismatched-tag.xml");
            assertThat(d.recovery()).isNotNull();
            assertThat(d.get("MAC")).isEqualTo("c0-56-e3-fe-42-92");
            assertThat(d.get("BootTime")).isEqualTo("2016-03-06 09:18:17");
        }

        @Test
        void commandReplyWithRetries() throws Exception {
            SadpDocument d = decode("reset-reply-codeerror.xml");
            assertThat(d.types()).isEqualTo("reset");
            assertThat(d.get("Result")).isEqualTo("codeError");
            assertThat(d.integer("RetryTimes")).isEqualTo(4);
        }

        @Test
        void entitiesAndAttributesAreRead() throws Exception {
            byte[] b = ("<?xml version=\"1.0\"?><Probe><Uuid>a&amp;b&#x41;&#66;&unknown;</Uuid>"
                    + "<Code bEncrypt=\"true\">x&lt;y</Code><Empty/></Probe>").getBytes(StandardCharsets.UTF_8);
            SadpDocument d = SadpCodec.decode(b);
            assertThat(d.get("Uuid")).isEqualTo("a&bAB&unknown;");
            assertThat(d.get("Code")).isEqualTo("x<y");
            assertThat(d.attributes("Code")).containsEntry("bEncrypt", "true");
            assertThat(d.get("Empty")).isEmpty();
        }

        @Test
        void rawTextKeepsWhitespaceThatGetStrips() throws Exception {
            byte[] b = "<ProbeMatch><EncryptString> AbC= \r\n</EncryptString></ProbeMatch>"
                    .getBytes(StandardCharsets.UTF_8);
            SadpDocument d = SadpCodec.decode(b);
            assertThat(d.get("EncryptString")).isEqualTo("AbC=");
            assertThat(d.rawText("EncryptString")).isEqualTo(" AbC= \r\n");
        }

        @Test
        void multiByteCharacterCutAtTheEndIsACutNotBinary() throws Exception {
            byte[] full = "<ProbeMatch><Model>Kamera-ü</Model><OEMInfo>ü".getBytes(StandardCharsets.UTF_8);
            SadpDocument d = SadpCodec.decode(Arrays.copyOf(full, full.length - 1));
            assertThat(d.truncated()).isTrue();
            assertThat(d.get("Model")).isEqualTo("Kamera-ü");
        }
    }

    @Nested
    class MustReject {
        @ParameterizedTest
        @ValueSource(strings = {"xxe-external-entity.xml", "billion-laughs.xml", "lowercase-doctype.xml",
                "binary-random.bin", "binary-l2-sadp-frame.bin", "utf16-document.xml", "no-element-plain-text.txt",
                "empty.bin"})
        void refusedWithRawBytesKept(String name) {
            byte[] raw = Fixtures.bytes("must-reject/" + name);
            SadpFormatException e = catchThrowableOfType(SadpFormatException.class, () -> SadpCodec.decode(raw));
            assertThat(e).as(name).isNotNull();
            assertThat(e.raw()).isEqualTo(raw);
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }

        @Test
        void dtdNeverExpandedNorFetched() {
            assertThatThrownBy(() -> SadpCodec.decode(Fixtures.bytes("must-reject/xxe-external-entity.xml")))
                    .isInstanceOf(SadpFormatException.class).hasMessageContaining("DTD");
        }

        @Test
        void oversizeRefusedEvenWhenWellFormed() {
            StringBuilder sb = new StringBuilder("<ProbeMatch><OEMInfo>");
            while (sb.length() <= SadpCodec.MAX_PAYLOAD) {
                sb.append("x");
            }
            byte[] big = sb.append("</OEMInfo></ProbeMatch>").toString().getBytes(StandardCharsets.UTF_8);
            SadpFormatException e = catchThrowableOfType(SadpFormatException.class, () -> SadpCodec.decode(big));
            assertThat(e.getMessage()).contains("64 KiB");
            assertThat(e.raw()).hasSize(big.length);
        }

        @Test
        void exactlyAtTheCapIsAccepted() throws Exception {
            StringBuilder sb = new StringBuilder("<ProbeMatch><OEMInfo>");
            String tail = "</OEMInfo></ProbeMatch>";
            while (sb.length() + tail.length() < SadpCodec.MAX_PAYLOAD) {
                sb.append("x");
            }
            byte[] b = sb.append(tail).toString().getBytes(StandardCharsets.UTF_8);
            assertThat(b).hasSize(SadpCodec.MAX_PAYLOAD);
            assertThat(SadpCodec.decode(b).get("OEMInfo")).hasSize(SadpCodec.MAX_PAYLOAD - 44);
        }

        @Test
        void nullIsRefusedToo() {
            assertThatThrownBy(() -> SadpCodec.decode(null)).isInstanceOf(SadpFormatException.class);
        }
    }
}
