package org.neuralgraph.render;

import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.graph.PieSlices;

import org.neuralgraph.core.io.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link Drawing} as SVG: one {@code <path>} per bin of alike edges ({@link FigureGeometry}), coordinates to
 * a tenth of a point, circles grouped by colour, text in a sans-serif font. A 44,700-edge weight graph is about 2 MB;
 * {@code .svgz} (gzip) files are a fifth of that and open in browsers, Inkscape and Illustrator.
 */
public final class SvgFigure {

    private SvgFigure() { }

    /** Writes {@code figure} to {@code file}, gzip-compressed when the name ends in {@code .svgz}. */
    public static void write(Drawing figure, Path file) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".svgz");
        AtomicFiles.write(file, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                write(figure, w);
            }
        });
    }

    static void write(Drawing f, Writer w) throws IOException {
        FigureGeometry g = new FigureGeometry(f);
        w.write(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%.1fpt\" height=\"%.1fpt\" viewBox=\"0 0 %.1f %.1f\" font-family=\"Helvetica, Arial, sans-serif\">%n",
                FigureGeometry.WIDTH, g.height, FigureGeometry.WIDTH, g.height));
        w.write("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (!f.title.isEmpty()) {
            w.write(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" font-weight=\"bold\">%s</text>%n",
                    FigureGeometry.MARGIN, FigureGeometry.MARGIN + FigureGeometry.TITLE_SIZE, FigureGeometry.TITLE_SIZE, escape(f.title)));
        }
        w.write("<g fill=\"none\" stroke-linecap=\"round\">\n");
        StringBuilder d = new StringBuilder();
        for (FigureGeometry.Bin b : g.bins()) {
            d.setLength(0);
            for (int e : b.edges) {
                tenths(d.append('M'), g.x(f.source[e]));
                tenths(d.append(' '), g.y(f.source[e]));
                tenths(d.append('L'), g.x(f.target[e]));
                tenths(d.append(' '), g.y(f.target[e]));
            }
            w.write(String.format(Locale.ROOT, "<path stroke=\"%s\" stroke-opacity=\"%.4f\" stroke-width=\"%.2f\" d=\"", hex(b.rgb), b.alpha, b.width));
            w.write(d.toString());
            w.write("\"/>\n");
        }
        w.write("</g>\n<g stroke=\"#333333\" stroke-width=\"0.15\">\n");
        for (int i = 0; i < f.nodeCount(); i++) {
            PieSlices p = f.pie(i);
            if (p != null) {
                pie(w, f, p, g.x(i), g.y(i), g.r(i));
                continue;
            }
            w.write("<circle cx=\"" + n(g.x(i)) + "\" cy=\"" + n(g.y(i)) + "\" r=\"" + n(g.r(i)) + "\" fill=\"" + hex(f.nodeRgb[i]) + "\"/>\n");
        }
        w.write("</g>\n");
        for (int k = 0; k < f.legend.size(); k++) {
            Drawing.Entry e = f.legend.get(k);
            float x = g.legendX(k), y = g.legendY(k) + FigureGeometry.TEXT_SIZE;
            float tx = x;
            if (e.swatch == Drawing.Entry.Swatch.NODE) {
                w.write(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" stroke=\"#333333\" stroke-width=\"0.15\"/>%n",
                        x + 3, y - 2.5, hex(e.rgb)));
                tx += 9;
            } else if (e.swatch == Drawing.Entry.Swatch.EDGE) {
                w.write(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fL%.1f %.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                        x, y - 2.5, x + 7, y - 2.5, hex(e.rgb)));
                tx += 9;
            }
            w.write(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\">%s</text>%n", tx, y, FigureGeometry.TEXT_SIZE, escape(e.label)));
        }
        w.write("</svg>\n");
    }

    /**
     * A pie: one {@code <path class="slice">} per slice from the centre clockwise along the arc (a node of one
     * community, a full circle), white separators from the centre to each slice's start, then the outline. Coordinates
     * to a hundredth: a node is a few points wide.
     */
    private static void pie(Writer w, Drawing f, PieSlices p, float cx, float cy, float r) throws IOException {
        w.write("<g class=\"pie\">\n");
        if (p.size() == 1) {
            w.write(String.format(Locale.ROOT, "<circle class=\"slice\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" stroke=\"none\"/>%n",
                    cx, cy, r, hex(f.communityRgb.get(p.community(0)))));
        } else {
            StringBuilder sep = new StringBuilder();
            for (int k = 0; k < p.size(); k++) {
                double[] a = PieSlices.pointOnCircle(p.start(k), r), b = PieSlices.pointOnCircle(p.end(k), r);
                w.write(String.format(Locale.ROOT, "<path class=\"slice\" d=\"M%.2f %.2fL%.2f %.2fA%.2f %.2f 0 %d 1 %.2f %.2fZ\" fill=\"%s\" stroke=\"none\"/>%n",
                        cx, cy, cx + a[0], cy + a[1], r, r, p.extent(k) > 180 ? 1 : 0, cx + b[0], cy + b[1], hex(f.communityRgb.get(p.community(k)))));
                sep.append(String.format(Locale.ROOT, "M%.2f %.2fL%.2f %.2f", cx, cy, cx + a[0], cy + a[1]));
            }
            w.write(String.format(Locale.ROOT, "<path d=\"%s\" stroke=\"#ffffff\" stroke-width=\"%.2f\" fill=\"none\"/>%n", sep, FigureGeometry.separatorWidth(r)));
        }
        w.write(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"none\"/>%n</g>%n", cx, cy, r));
    }

    private static String n(float v) {
        return tenths(new StringBuilder(), v).toString();
    }

    /** {@code v} to a tenth, without a trailing ".0": the path data of tens of thousands of edges, quickly. */
    static StringBuilder tenths(StringBuilder b, float v) {
        int t = Math.round(v * 10);
        if (t < 0) {
            b.append('-');
            t = -t;
        }
        b.append(t / 10);
        if (t % 10 != 0) b.append('.').append(t % 10);
        return b;
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
