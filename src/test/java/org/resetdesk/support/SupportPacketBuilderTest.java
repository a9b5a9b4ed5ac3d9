package org.resetdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.resetdesk.job.Job;
import org.resetdesk.job.SupportPacket;
import org.resetdesk.job.SupportPacket.Kind;

class SupportPacketBuilderTest {
    private final SupportSettings settings = SupportSettings.fromProperties(TestJobs.baseProperties());
    private final SupportPacketBuilder builder = new SupportPacketBuilder(ZoneId.of("Europe/London"));

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "ISO-8859-1",
                DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void packetHoldsTheRequestByteForByteUnderTheVendorName() throws Exception {
        Job job = TestJobs.exported("RD-000123");
        byte[] request = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        SupportPacket p = builder.build(job, request, TestJobs.form(settings, job),
                new SupportPacketBuilder.Photo("label.png", QrCodes.png("label", 120).orElseThrow()));

        SupportPacket.Part req = p.part(Kind.REQUEST).orElseThrow();
        // exported 09:35 UTC = 09:35 in London in November; '/' of the DVR model is not allowed in a file name
        assertThat(req.fileName()).isEqualTo("DS-7608NI-E2_8P0820160211AAWR681619114WCVU-202611240935.xml");
        assertThat(req.bytes()).isEqualTo(request);
        assertThat(decodeQr(p.part(Kind.QR_CODE).orElseThrow().bytes()).getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(request);
        assertThat(p.part(Kind.LABEL_PHOTO).orElseThrow().fileName()).endsWith("-label.png");
        assertThat(p.subject()).contains("RD-000123").contains(TestJobs.SERIAL);
        assertThat(p.parts()).extracting(SupportPacket.Part::kind)
                .containsExactly(Kind.REQUEST, Kind.QR_CODE, Kind.FORM, Kind.LABEL_PHOTO);
    }

    @Test
    void noLabelPhotoMeansNoPhotoPart() {
        Job job = TestJobs.exported("RD-000124");
        SupportPacket p = builder.build(job, "abc".getBytes(StandardCharsets.US_ASCII), TestJobs.form(settings, job),
                null);
        assertThat(p.part(Kind.LABEL_PHOTO)).isEmpty();
        assertThat(Pdfs.flat(p.part(Kind.FORM).orElseThrow().bytes())).doesNotContain("Device label");
    }

    @Test
    void theFormCarriesEveryFieldTheVendorRequires() {
        Job job = TestJobs.exported("RD-000125");
        SupportPacket p = builder.build(job, "x".repeat(300).getBytes(StandardCharsets.US_ASCII),
                TestJobs.form(settings, job), null);
        String text = Pdfs.flat(p.part(Kind.FORM).orElseThrow().bytes());
        assertThat(text).contains("Name: Anna Staff", "E-mail: desk@counterfixers.test", "Phone: +44 113 000 0000",
                "Company: Counter Fixers Ltd", "Country: United Kingdom", "Role: reseller",
                "Where the product was bought: Leeds CCTV Supplies", "Purchasing channel: distributor",
                "Firmware version: V4.30.085 build 200916", "Current date on device: 2026-11-24",
                "Device start time on SADP: 2026-11-23 08:02:11", "RD-000125",
                "Valid until: 2026-11-26 09:35 (Europe/London)");
        assertThat(text.replace(" ", "")).contains("Completedeviceserialnumber:" + TestJobs.SERIAL);
    }

    @Test
    void anIncompleteFormIsRefusedNamingEveryGap() {
        Job job = TestJobs.exported("RD-000126");
        var props = TestJobs.baseProperties();
        props.remove("support.requester.phone");
        props.remove("shop.country");
        RequestForm form = RequestForm.of(SupportSettings.fromProperties(props), job, null, null);
        assertThatThrownBy(() -> builder.build(job, new byte[0], form, null))
                .isInstanceOf(IncompletePacket.class)
                .satisfies(e -> assertThat(((IncompletePacket) e).missing()).containsExactly("Phone", "Country",
                        "Where the product was bought", "Purchasing channel", "Current date on device",
                        "request file"));
    }

    @Test
    void qrRoundTripsRequestsOfEverySizeUpTo1024Bytes() throws Exception {
        Random rnd = new Random(20261125);
        for (int i = 0; i < 25; i++) {
            byte[] raw = new byte[1 + rnd.nextInt(760)];
            rnd.nextBytes(raw);
            byte[] request = Base64.getEncoder().encode(raw); // up to 1016 bytes, like a V31 encrypt string
            byte[] png = QrCodes.png(request, 400).orElseThrow();
            assertThat(decodeQr(png).getBytes(StandardCharsets.ISO_8859_1)).as("length %d", request.length)
                    .isEqualTo(request);
        }
    }

    @Test
    void tooLargeForAQrCodeLeavesTheQrOut() {
        Job job = TestJobs.exported("RD-000127");
        byte[] big = new byte[4000];
        new Random(7).nextBytes(big);
        SupportPacket p = builder.build(job, big, TestJobs.form(settings, job), null);
        assertThat(p.part(Kind.QR_CODE)).isEmpty();
        assertThat(p.part(Kind.REQUEST).orElseThrow().bytes()).isEqualTo(big);
    }

    @Test
    void fileNameUsesTheShopTimeZone() {
        var tokyo = new SupportPacketBuilder(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.requestFileName("ds 2cd2622fwd-izs20180312bbwr681619114",
                Instant.parse("2026-11-24T20:01:00Z")))
                .isEqualTo("DS2CD2622FWD-IZS20180312BBWR681619114-202611250501.xml");
    }
}
