package org.resetdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays simple documents (headings, wrapped text, label/value fields, images) out on an 80 mm roll (one page as long
 * as the content) or on A4 pages, with the embedded DejaVu Sans font so the output does not depend on the machine.
 * Characters the font lacks print as '?'. Not thread-safe; one instance per document.
 */
final class PdfComposer implements AutoCloseable {
    private static final String FONTS = "/org/resetdesk/support/fonts/";
    private static final float MAX_PAGE = 14_400;

    private sealed interface Block permits Line, Image, Space, Rule {}
    private record Line(String text, boolean bold, float size) implements Block {}
    private record Image(PDImageXObject image, float width, float height) implements Block {}
    private record Space(float height) implements Block {}
    private record Rule() implements Block {}

    private final PaperWidth paper;
    private final PDDocument doc = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final List<Block> blocks = new ArrayList<>();

    PdfComposer(PaperWidth paper, String title) {
        this.paper = paper;
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("ResetDesk");
    }

    private PDType0Font font(String name) {
        try (InputStream in = PdfComposer.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + name);
            }
            return PDType0Font.load(doc, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float contentWidth() {
        return paper.width() - 2 * paper.margin();
    }

    PdfComposer title(String text) {
        wrap(text, true, paper.fontSize() * 1.5f);
        return space(paper.fontSize() * 0.4f);
    }

    PdfComposer heading(String text) {
        space(paper.fontSize() * 0.5f);
        return wrap(text, true, paper.fontSize() * 1.1f);
    }

    PdfComposer text(String text) {
        for (String paragraph : clean(text).split("\n", -1)) {
            wrap(paragraph, false, paper.fontSize());
        }
        return this;
    }

    PdfComposer bullet(String text) {
        return wrap("• " + clean(text), false, paper.fontSize());
    }

    /** "Label: value" — the value is never left blank on paper: a missing value prints as "—". */
    PdfComposer field(String label, String value) {
        String v = value == null || value.isBlank() ? "—" : value;
        return wrap(label + ": " + v, false, paper.fontSize());
    }

    PdfComposer space(float height) {
        blocks.add(new Space(height));
        return this;
    }

    PdfComposer rule() {
        blocks.add(new Rule());
        return this;
    }

    /** An image scaled to {@code width} points (at most the content width), keeping its aspect ratio. */
    PdfComposer image(byte[] bytes, String name, float width) {
        try {
            PDImageXObject img = PDImageXObject.createFromByteArray(doc, bytes, name);
            float w = Math.min(width, contentWidth());
            float h = w * img.getHeight() / img.getWidth();
            float maxH = PaperWidth.A4_HEIGHT / 2;
            if (h > maxH) {
                w = w * maxH / h;
                h = maxH;
            }
            blocks.add(new Image(img, w, h));
            return this;
        } catch (IOException | IllegalArgumentException e) {
            return text("[image " + name + " could not be read]");
        }
    }

    private PdfComposer wrap(String text, boolean isBold, float size) {
        PDType0Font f = isBold ? bold : regular;
        String s = printableOnly(clean(text), f);
        float max = contentWidth();
        if (s.isEmpty()) {
            blocks.add(new Line("", isBold, size));
            return this;
        }
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, f, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                blocks.add(new Line(line.toString(), isBold, size));
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, f, size) > max) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), f, size) > max) {
                    cut--;
                }
                blocks.add(new Line(rest.substring(0, cut), isBold, size));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        blocks.add(new Line(line.toString(), isBold, size));
        return this;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\n]]", "");
    }

    private String printableOnly(String s, PDType0Font f) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp ->
                out.appendCodePoint(printable.computeIfAbsent(cp, c -> canEncode(f, c)) ? cp : '?'));
        return out.toString();
    }

    private static boolean canEncode(PDType0Font f, int cp) {
        try {
            f.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static float width(String s, PDType0Font f, float size) {
        try {
            return f.getStringWidth(s) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return Float.MAX_VALUE;
        }
    }

    private float height(Block b) {
        if (b instanceof Line l) {
            return l.size() * 1.3f;
        }
        if (b instanceof Image i) {
            return i.height() + paper.fontSize() * 0.3f;
        }
        if (b instanceof Space s) {
            return s.height();
        }
        return paper.fontSize() * 0.8f;
    }

    /** Lays everything out and returns the PDF bytes. */
    byte[] finish() {
        try {
            float m = paper.margin();
            // a roll is one page as long as the text, up to the 200-inch page limit of PDF; longer text continues
            float pageHeight = paper.isRoll()
                    ? (float) Math.min(MAX_PAGE, Math.ceil(blocks.stream().mapToDouble(this::height).sum() + 2 * m))
                    : PaperWidth.A4_HEIGHT;
            PDPage page = null;
            PDPageContentStream cs = null;
            float y = 0;
            for (Block b : blocks) {
                float h = height(b);
                if (page == null || y - h < m) {
                    if (cs != null) {
                        cs.close();
                    }
                    page = new PDPage(new PDRectangle(paper.width(), pageHeight));
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = pageHeight - m;
                }
                draw(cs, b, y, h);
                y -= h;
            }
            if (cs != null) {
                cs.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(PDPageContentStream cs, Block b, float top, float h) throws IOException {
        float m = paper.margin();
        if (b instanceof Line l && !l.text().isEmpty()) {
            cs.beginText();
            cs.setFont(l.bold() ? bold : regular, l.size());
            cs.newLineAtOffset(m, top - l.size());
            cs.showText(l.text());
            cs.endText();
        } else if (b instanceof Image i) {
            cs.drawImage(i.image(), m + (contentWidth() - i.width()) / 2, top - i.height(), i.width(), i.height());
        } else if (b instanceof Rule) {
            cs.setLineWidth(0.5f);
            cs.moveTo(m, top - h / 2);
            cs.lineTo(paper.width() - m, top - h / 2);
            cs.stroke();
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
