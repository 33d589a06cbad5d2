package org.neuralgraph.render;

import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.graph.PieSlices;

import org.neuralgraph.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link Drawing} as a PNG at {@value #DPI} dots per inch with Java2D, which needs no display (unlike Gephi's
 * own PNG export): the same page, bins, circles and text as the SVG and PDF.
 */
public final class PngFigure {

    /** Resolution; 300 dpi (print quality) makes the one-column page 1,050 pixels wide. */
    static final int DPI = 300;

    private PngFigure() { }

    public static void write(Drawing f, Path file) throws IOException {
        FigureGeometry g = new FigureGeometry(f);
        float s = DPI / 72f;
        BufferedImage img = new BufferedImage(Math.round(FigureGeometry.WIDTH * s), Math.round(g.height * s), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = WhiteCanvas.graphics(img);
        try {
            g2.scale(s, s);
            for (FigureGeometry.Bin b : g.bins()) {
                g2.setColor(new Color((b.rgb >> 16) & 255, (b.rgb >> 8) & 255, b.rgb & 255, Math.round(b.alpha * 255)));
                g2.setStroke(new BasicStroke(b.width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D.Float p = new Path2D.Float();
                for (int e : b.edges) {
                    p.moveTo(g.x(f.source[e]), g.y(f.source[e]));
                    p.lineTo(g.x(f.target[e]), g.y(f.target[e]));
                }
                g2.draw(p);
            }
            g2.setStroke(new BasicStroke(0.15f));
            for (int i = 0; i < f.nodeCount(); i++) {
                PieSlices p = f.pie(i);
                if (p != null) pie(g2, f, p, g.x(i), g.y(i), g.r(i));
                else dot(g2, g.x(i), g.y(i), g.r(i), f.nodeRgb[i]);
            }
            g2.setColor(Color.BLACK);
            if (!f.title.isEmpty()) {
                g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 1).deriveFont(FigureGeometry.TITLE_SIZE));
                g2.drawString(f.title, FigureGeometry.MARGIN, FigureGeometry.MARGIN + FigureGeometry.TITLE_SIZE);
            }
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(FigureGeometry.TEXT_SIZE));
            for (int k = 0; k < f.legend.size(); k++) {
                Drawing.Entry e = f.legend.get(k);
                float x = g.legendX(k), y = g.legendY(k) + FigureGeometry.TEXT_SIZE;
                float tx = x;
                if (e.swatch == Drawing.Entry.Swatch.NODE) {
                    dot(g2, x + 3, y - 2.5f, 2.5f, e.rgb);
                    tx += 9;
                } else if (e.swatch == Drawing.Entry.Swatch.EDGE) {
                    g2.setColor(new Color(e.rgb));
                    g2.setStroke(new BasicStroke(1.5f));
                    g2.draw(new Line2D.Float(x, y - 2.5f, x + 7, y - 2.5f));
                    tx += 9;
                }
                g2.setColor(Color.BLACK);
                g2.drawString(e.label, tx, y);
            }
        } finally {
            g2.dispose();
        }
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException(file + ": no PNG writer");
        });
    }

    /** A pie: its slices (Java2D counts angles counter-clockwise from 3 o'clock), white separators, the outline. */
    private static void pie(Graphics2D g2, Drawing f, PieSlices p, float x, float y, float r) {
        for (int k = 0; k < p.size(); k++) {
            g2.setColor(new Color(f.communityRgb.get(p.community(k))));
            g2.fill(new Arc2D.Double(x - r, y - r, 2 * r, 2 * r, 90 - p.start(k), -p.extent(k), Arc2D.PIE));
        }
        if (p.size() > 1) {
            g2.setColor(Color.WHITE);
            g2.setStroke(new BasicStroke(FigureGeometry.separatorWidth(r), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            for (int k = 0; k < p.size(); k++) {
                double[] a = PieSlices.pointOnCircle(p.start(k), r);
                g2.draw(new Line2D.Double(x, y, x + a[0], y + a[1]));
            }
        }
        g2.setColor(new Color(0x333333));
        g2.setStroke(new BasicStroke(0.15f));
        g2.draw(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
    }

    private static void dot(Graphics2D g2, float x, float y, float r, int rgb) {
        Ellipse2D.Float c = new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r);
        g2.setColor(new Color(rgb));
        g2.fill(c);
        g2.setColor(new Color(0x333333));
        g2.setStroke(new BasicStroke(0.15f));
        g2.draw(c);
    }
}
