package org.resetdesk.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The request as a QR code, for support staff who ask for a picture instead of a file. */
final class QrCodes {
    private QrCodes() {}

    static void writePng(byte[] content, Path png) throws IOException {
        try {
            var matrix = new QRCodeWriter().encode(new String(content, StandardCharsets.UTF_8), BarcodeFormat.QR_CODE,
                    480, 480, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
            MatrixToImageWriter.writeToPath(matrix, "PNG", png);
        } catch (WriterException e) {
            throw new CommandFailed("the request is too large for a QR code: " + e.getMessage());
        }
    }
}
