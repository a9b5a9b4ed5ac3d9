package org.resetdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QrCodesTest {
    @Test
    void encodesARequestThatDecodesBackExactly() throws Exception {
        String request = "<?xml version=\"1.0\"?><ResetRequest><Code>AwAAA" + "x".repeat(300) + "</Code></ResetRequest>";
        BufferedImage img = QrCodes.encode(request, 260).orElseThrow();
        String back = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(img)))).getText();
        assertThat(back).isEqualTo(request);
    }

    @Test
    void saysEmptyWhenTheTextIsTooLongForAnyQrCode() {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            sb.append((char) ('!' + r.nextInt(90)));
        }
        assertThat(QrCodes.encode(sb.toString(), 260)).isEmpty();
    }
}
