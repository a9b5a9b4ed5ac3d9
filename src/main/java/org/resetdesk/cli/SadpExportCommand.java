package org.resetdesk.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.resetdesk.job.RecorderLink.ExportResult;
import org.resetdesk.job.ResetMethod;
import org.resetdesk.sadp.ProbeMatch;
import org.resetdesk.sadp.SadpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sadp export --interface IF --mac MAC --out FILE [--method encrypted-string|device-code] [--qr PNG]}: asks the
 * device for a reset request and stores it byte for byte (and optionally as a QR image). Prints one JSON line.
 */
@Command(name = "export", description = "Export a reset request from a device (not for devices with an open job).")
public final class SadpExportCommand implements Callable<Integer> {
    @Mixin
    SadpCommand.Target target;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the request")
    Path out;

    @Option(names = "--method", paramLabel = "METHOD", description = "encrypted-string or device-code "
            + "(default: what the device offers, encrypted string first)")
    String method;

    @Option(names = "--qr", paramLabel = "PNG", description = "also write the request as a QR code image")
    Path qr;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String mac = target.normalisedMac(spec);
        ResetMethod wanted = parseMethod();
        try (SadpClient client = target.open()) {
            ProbeMatch pm = target.locate(client, mac);
            ResetMethod m = wanted != null ? wanted : defaultMethod(pm);
            ExportResult r = client.export(mac, m);
            if (!r.outcome().isSuccess()) {
                throw new CommandFailed("export refused by the device: " + describe(r));
            }
            writeAtomically(out, r.request());
            if (qr != null) {
                writeQr(qr, new String(r.request(), StandardCharsets.UTF_8));
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("mac", mac);
            line.put("serial", pm.serial());
            line.put("method", m.name());
            line.put("out", out.toString());
            line.put("bytes", r.request().length);
            line.put("qr", qr == null ? null : qr.toString());
            spec.commandLine().getOut().println(SadpJson.line(line));
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("keep the recorder running: a reboot or another export makes this "
                    + "request worthless; it expires after 24-48 h");
            return 0;
        }
    }

    private ResetMethod parseMethod() {
        if (method == null) {
            return null;
        }
        return switch (method) {
            case "encrypted-string" -> ResetMethod.ENCRYPTED_STRING;
            case "device-code" -> ResetMethod.DEVICE_CODE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--method must be encrypted-string or device-code, not " + method);
        };
    }

    private static ResetMethod defaultMethod(ProbeMatch pm) {
        if (pm.resetMethods().contains(ResetMethod.ENCRYPTED_STRING)) {
            return ResetMethod.ENCRYPTED_STRING;
        }
        if (pm.resetMethods().contains(ResetMethod.DEVICE_CODE)) {
            return ResetMethod.DEVICE_CODE;
        }
        throw new CommandFailed("device " + pm.mac() + " offers no exportable reset method (methods: "
                + pm.resetMethods() + ", activated: " + pm.activated() + ")");
    }

    static String describe(ExportResult r) {
        return r.outcome().rawResult() != null ? r.outcome().rawResult() : r.outcome().kind().name().toLowerCase();
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".export", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeQr(Path png, String text) throws IOException {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 480, 480,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            MatrixToImageWriter.writeToPath(matrix, "PNG", png);
        } catch (WriterException e) {
            throw new CommandFailed("cannot make a QR code of the request: " + e.getMessage());
        }
    }
}
