package org.neuralgraph.render;

import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.graph.PieSlices;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.neuralgraph.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link Drawing} as a one-page vector PDF with Apache PDFBox (the copy Gephi itself ships): one stroked path
 * per bin of alike edges ({@link FigureGeometry}), its opacity as a graphics state, circles as Bézier curves, text in
 * Helvetica. Characters Helvetica's WinAnsi encoding lacks are written as '?'.
 */
public final class PdfFigure {

    /** The Bézier handle length that draws a quarter circle. */
    private static final float K = 0.5523f;

    private PdfFigure() { }

    public static void write(Drawing f, Path file) throws IOException {
        FigureGeometry g = new FigureGeometry(f);
        AtomicFiles.write(file, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage(new PDRectangle(FigureGeometry.WIDTH, g.height));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    draw(f, g, doc, cs, g.height);
                }
                doc.save(tmp.toFile());
            }
        });
    }

    private static void draw(Drawing f, FigureGeometry g, PDDocument doc, PDPageContentStream cs, float h) throws IOException {
        cs.setNonStrokingColor(255, 255, 255);
        cs.addRect(0, 0, FigureGeometry.WIDTH, h);
        cs.fill();
        cs.setLineCapStyle(1);
        for (FigureGeometry.Bin b : g.bins()) {
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            gs.setStrokingAlphaConstant(b.alpha);
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(gs);
            cs.setStrokingColor((b.rgb >> 16) & 255, (b.rgb >> 8) & 255, b.rgb & 255);
            cs.setLineWidth(b.width);
            for (int e : b.edges) {
                cs.moveTo(g.x(f.source[e]), h - g.y(f.source[e]));
                cs.lineTo(g.x(f.target[e]), h - g.y(f.target[e]));
            }
            cs.stroke();
            cs.restoreGraphicsState();
        }
        cs.setLineWidth(0.15f);
        cs.setStrokingColor(0x33, 0x33, 0x33);
        for (int i = 0; i < f.nodeCount(); i++) {
            PieSlices p = f.pie(i);
            if (p != null) pie(cs, f, p, g.x(i), h - g.y(i), g.r(i));
            else circle(cs, g.x(i), h - g.y(i), g.r(i), f.nodeRgb[i]);
        }
        PDFont font = PDType1Font.HELVETICA;
        if (!f.title.isEmpty()) text(cs, PDType1Font.HELVETICA_BOLD, FigureGeometry.TITLE_SIZE, FigureGeometry.MARGIN,
                h - FigureGeometry.MARGIN - FigureGeometry.TITLE_SIZE, f.title);
        for (int k = 0; k < f.legend.size(); k++) {
            Drawing.Entry e = f.legend.get(k);
            float x = g.legendX(k), y = h - g.legendY(k) - FigureGeometry.TEXT_SIZE;
            float tx = x;
            if (e.swatch == Drawing.Entry.Swatch.NODE) {
                circle(cs, x + 3, y + 2.5f, 2.5f, e.rgb);
                tx += 9;
            } else if (e.swatch == Drawing.Entry.Swatch.EDGE) {
                cs.saveGraphicsState();
                cs.setStrokingColor((e.rgb >> 16) & 255, (e.rgb >> 8) & 255, e.rgb & 255);
                cs.setLineWidth(1.5f);
                cs.moveTo(x, y + 2.5f);
                cs.lineTo(x + 7, y + 2.5f);
                cs.stroke();
                cs.restoreGraphicsState();
                tx += 9;
            }
            text(cs, font, FigureGeometry.TEXT_SIZE, tx, y, e.label);
        }
    }

    /**
     * A pie: each slice filled as the centre, its arc in Bézier pieces of at most 90 degrees, closed; white separators;
     * the outline. PDF's y grows upwards, so clockwise from 12 o'clock is (sin a, cos a).
     */
    private static void pie(PDPageContentStream cs, Drawing f, PieSlices p, float x, float y, float r) throws IOException {
        for (int k = 0; k < p.size(); k++) {
            int rgb = f.communityRgb.get(p.community(k));
            cs.setNonStrokingColor((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
            double[] arc = p.arcUpwards(k, x, y, r);
            cs.moveTo(x, y);
            cs.lineTo((float) arc[0], (float) arc[1]);
            for (int j = 2; j < arc.length; j += 6) {
                cs.curveTo((float) arc[j], (float) arc[j + 1], (float) arc[j + 2], (float) arc[j + 3], (float) arc[j + 4], (float) arc[j + 5]);
            }
            cs.closePath();
            cs.fill();
        }
        if (p.size() > 1) {
            cs.saveGraphicsState();
            cs.setStrokingColor(255, 255, 255);
            cs.setLineWidth(FigureGeometry.separatorWidth(r));
            cs.setLineCapStyle(0);
            for (int k = 0; k < p.size(); k++) {
                double a = Math.toRadians(p.start(k));
                cs.moveTo(x, y);
                cs.lineTo((float) (x + r * Math.sin(a)), (float) (y + r * Math.cos(a)));
            }
            cs.stroke();
            cs.restoreGraphicsState();
        }
        circlePath(cs, x, y, r);
        cs.stroke();
    }

    private static void circle(PDPageContentStream cs, float x, float y, float r, int rgb) throws IOException {
        cs.setNonStrokingColor((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255);
        circlePath(cs, x, y, r);
        cs.fillAndStroke();
    }

    /** A circle as four Bézier quarters (K is the usual 0.5523 of the radius). */
    private static void circlePath(PDPageContentStream cs, float x, float y, float r) throws IOException {
        float k = K * r;
        cs.moveTo(x + r, y);
        cs.curveTo(x + r, y + k, x + k, y + r, x, y + r);
        cs.curveTo(x - k, y + r, x - r, y + k, x - r, y);
        cs.curveTo(x - r, y - k, x - k, y - r, x, y - r);
        cs.curveTo(x + k, y - r, x + r, y - k, x + r, y);
        cs.closePath();
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(0, 0, 0);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(encodable(s));
        cs.endText();
    }

    /** Helvetica in PDFBox encodes WinAnsi (Latin-1 and a few more); anything else becomes '?'. */
    private static String encodable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) b.append(c >= 32 && c < 256 || c == '\u2013' || c == '\u2014' || c == '\u2212' ? (c == '\u2212' ? '-' : c) : '?');
        return b.toString();
    }
}
