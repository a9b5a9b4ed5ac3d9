package org.resetdesk.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

/** QR codes for exported requests (ZXing). Pure and thread-safe: build the image on a worker, show it on the EDT. */
public final class QrCodes {
    private QrCodes() {}

    /** The text as a QR image of about {@code size} px, or empty when it is too long for any QR code. */
    public static Optional<BufferedImage> encode(String text, int size) {
        for (ErrorCorrectionLevel level : new ErrorCorrectionLevel[] {ErrorCorrectionLevel.M, ErrorCorrectionLevel.L}) {
            try {
                BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                        Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, 2,
                                EncodeHintType.CHARACTER_SET, "UTF-8"));
                return Optional.of(MatrixToImageWriter.toBufferedImage(m));
            } catch (WriterException | IllegalArgumentException e) {
                // too long at this level: try the next one
            }
        }
        return Optional.empty();
    }
}
