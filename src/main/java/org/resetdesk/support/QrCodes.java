package org.resetdesk.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** QR codes as PNG bytes. Pure and thread-safe. */
public final class QrCodes {
    private QrCodes() {}

    /**
     * The bytes as a QR code in byte mode (ISO-8859-1, so every byte maps to itself), or empty when they do not fit
     * into the largest QR symbol.
     */
    public static Optional<byte[]> png(byte[] content, int pixels) {
        return png(new String(content, StandardCharsets.ISO_8859_1), pixels);
    }

    public static Optional<byte[]> png(String text, int pixels) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1",
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(m, "PNG", out);
            return Optional.of(out.toByteArray());
        } catch (WriterException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
