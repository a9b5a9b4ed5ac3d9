package org.resetdesk.isapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.RecorderApi.Binding;
import org.resetdesk.job.RecorderApi.Kind;
import org.resetdesk.job.RecorderApi.Outcome;

/** Captured and hostile ISAPI bodies: must-parse in every namespace variant, must-reject with a typed error. */
class IsapiFixturesTest {

    static byte[] fixture(String group, String name) throws IOException {
        try (InputStream in = IsapiFixturesTest.class.getResourceAsStream("/fixtures/isapi/" + group + "/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static XmlNode parse(String name) throws Exception {
        return IsapiXml.parse(fixture("must-parse", name));
    }

    @ParameterizedTest
    @CsvSource({
        "ds-7608nxi-v4.62.210-deviceInfo-isapi-org.xml, http://www.isapi.org/ver20/XMLSchema, DS-7608NXI-I2/8P/S, V4.62.210",
        "ds-7216hqhi-v4.30.085-deviceInfo-hik-ver20.xml, http://www.hikvision.com/ver20/XMLSchema, DS-7216HQHI-K2, V4.30.085",
        "ds-7604ni-v3.4.92-deviceInfo-hik-ver10.xml, http://www.hikvision.com/ver10/XMLSchema, DS-7604NI-E1/4P, V3.4.92",
        "acr4-40-v3.x-deviceInfo-std-cgi.xml, http://www.std-cgi.com/ver20/XMLSchema, ACR4-40, V3.5.38",
        "ds-7608nxi-v4.62.210-deviceInfo-prefixed.xml, http://www.hikvision.com/ver20/XMLSchema, DS-7608NXI-I2/8P/S, V4.62.210"
    })
    void deviceInfoIsReadByLocalNameInEveryNamespace(String file, String ns, String model, String firmware)
            throws Exception {
        XmlNode n = parse(file);
        assertThat(n.name()).isEqualTo("DeviceInfo");
        assertThat(n.namespace()).isEqualTo(ns);
        assertThat(n.findText("model")).isEqualTo(model);
        assertThat(n.findText("firmwareVersion")).isEqualTo(firmware);
        assertThat(n.findText("serialNumber")).startsWith(model);
    }

    @ParameterizedTest
    @CsvSource({
        "ds-7608nxi-v4.62.210-storage-isapi-org.xml, 2, ok, 1907729, 0",
        "nvr-v4.x-hddList-hik-ver10.xml, 1, unformatted, 953869, 953869",
        "acr4-40-v3.x-storage-std-cgi.xml, 1, ok, 3815447, 0"
    })
    void disksInMiB(String file, int count, String status, long capacity, long free) throws Exception {
        var disks = parse(file).all("hdd").stream().map(IsapiRecords::disk).toList();
        assertThat(disks).hasSize(count);
        assertThat(disks.get(0).status()).isEqualTo(status);
        assertThat(disks.get(0).capacityMiB()).isEqualTo(capacity);
        assertThat(disks.get(0).freeMiB()).isEqualTo(free);
    }

    @Test
    void clocksWithOffsetAndWithPosixZoneOnly() throws Exception {
        XmlNode t = parse("ds-7608nxi-v4.62.210-time-hik-ver20.xml");
        var c = IsapiRecords.clock(t.findText("localTime"), t.findText("timeMode"), t.findText("timeZone"));
        assertThat(c.localTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00Z"));
        XmlNode flat = parse("dvr-flat-battery-time-no-offset.xml");
        var d = IsapiRecords.clock(flat.findText("localTime"), null, flat.findText("timeZone"));
        // CST+3 is POSIX for UTC-3
        assertThat(d.localTime()).isEqualTo(OffsetDateTime.parse("1970-01-01T00:03:10-03:00"));
        assertThat(IsapiRecords.parseTime("yesterday", "CST-8:00:00")).isNull();
    }

    @Test
    void overwriteAndCloudBodies() throws Exception {
        assertThat(parse("ds-7608nxi-v4.62.210-storageExtension-isapi-org.xml").findText("LoopEnable")).isEqualTo("false");
        assertThat(IsapiRecords.tracksLoop(parse("ds-2cd2143-v5.5.0-tracks-hik-ver20.xml"))).isFalse();
        assertThat(IsapiRecords.cloud(parse("access-terminal-ezviz-isapi-org.xml"), false).binding())
                .isEqualTo(Binding.UNBOUND);
        var nvr = IsapiRecords.cloud(parse("nvr-v4.x-ezviz-no-bindstatus-hik-ver20.xml"), true);
        assertThat(nvr.binding()).isEqualTo(Binding.UNKNOWN);
        assertThat(nvr.registered()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "error-responseStatus-ok-psia.xml, 200, OK",
        "error-responseStatus-busy-std-cgi.xml, 503, BUSY",
        "error-responseStatus-deviceError-hik-ver10.xml, 500, DEVICE_ERROR",
        "error-responseStatus-invalidOperation-hik-ver20.xml, 403, INVALID_OPERATION",
        "error-responseStatus-notSupport-isapi-org.xml, 404, NOT_SUPPORTED",
        "error-responseStatus-invalidContent-psia.xml, 400, INVALID_CONTENT",
        "error-responseStatus-rebootRequired-hik-ver20.xml, 200, REBOOT_REQUIRED"
    })
    void responseStatusInAnyNamespaceIsTyped(String file, int http, Kind kind) throws Exception {
        Outcome o = IsapiStatus.fromResponseStatus(http, parse(file));
        assertThat(o.kind()).isEqualTo(kind);
        assertThat(o.statusCode()).isNotNull();
        assertThat(o.accepted()).isEqualTo(kind == Kind.OK || kind == Kind.REBOOT_REQUIRED);
    }

    @Test
    void userCheckBodies() throws Exception {
        Outcome unlock = IsapiStatus.authFailure(401, parse("terminal-userCheck-401-unlock-isapi-org.xml"));
        assertThat(unlock.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(unlock.retriesLeft()).isEqualTo(4);
        Outcome lock = IsapiStatus.authFailure(401, parse("terminal-userCheck-401-lock-isapi-org.xml"));
        assertThat(lock.kind()).isEqualTo(Kind.LOCKED);
        assertThat(lock.unlockSeconds()).isEqualTo(1795);
        assertThat(IsapiStatus.authFailure(401, null).kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(parse("camera-userCheck-ok-hik-ver20.xml").findText("isRiskPassword")).isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe-external-entity.xml", "billion-laughs.xml", "truncated-deviceInfo.xml",
        "html-login-page.xml"})
    void hostileOrBrokenBodiesAreRejectedWithAReason(String file) throws Exception {
        byte[] body = fixture("must-reject", file);
        assertThatThrownBy(() -> IsapiXml.parse(body)).isInstanceOf(IsapiFormatException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void oversizedAndDeepBodiesAreRejected() {
        byte[] big = ("<a>" + "x".repeat(IsapiXml.MAX_BODY) + "</a>").getBytes();
        assertThatThrownBy(() -> IsapiXml.parse(big)).hasMessageContaining("limit");
        byte[] deep = ("<a>".repeat(40) + "</a>".repeat(40)).getBytes();
        assertThatThrownBy(() -> IsapiXml.parse(deep)).hasMessageContaining("deeper");
        assertThatThrownBy(() -> IsapiXml.parse(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void randomBytesNeverCrashTheParser() {
        Random random = new Random(20261125L);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[random.nextInt(200) + 1];
            random.nextBytes(b);
            if (random.nextBoolean()) {
                byte[] prefix = "<DeviceInfo><model>".getBytes();
                System.arraycopy(prefix, 0, b, 0, Math.min(prefix.length, b.length));
            }
            try {
                IsapiXml.parse(b);
            } catch (IsapiFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
