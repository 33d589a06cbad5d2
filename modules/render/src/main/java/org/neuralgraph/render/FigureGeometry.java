package org.neuralgraph.render;

import org.neuralgraph.core.graph.Drawing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link Drawing} goes on the page, the same for SVG, PDF and PNG: a page one journal column wide
 * ({@value #WIDTH} pt, 3.5 in) so that its 7-8 pt text stays readable when the figure is printed at that width; the
 * title on top, the graph below it fitted with equal scale on both axes (y turned to grow downwards), the legend in
 * two columns under the graph. Edges are gathered into bins of equal colour, opacity and width (opacity in steps of
 * 1/{@value #ALPHA_STEPS}, width in steps of 0.05 pt), so that a file draws one path per bin rather than one element per
 * edge; edges of opacity 0 are left out. A node with pie slices ({@link Drawing#pie}) is drawn in all three as its
 * slices, thin white lines between them ({@link #separatorWidth}) and the outline every node has.
 */
final class FigureGeometry {

    /** Page width, points (3.5 in, one column). */
    static final float WIDTH = 252f;
    static final float MARGIN = 6f;
    static final float TITLE_SIZE = 8f;
    static final float TEXT_SIZE = 7f;
    static final float LINE = 9f;
    static final int ALPHA_STEPS = 16;

    /** A set of edges drawn alike. */
    static final class Bin {
        final int rgb;
        final float alpha;
        final float width;
        final List<Integer> edges = new ArrayList<>();

        Bin(int rgb, float alpha, float width) {
            this.rgb = rgb;
            this.alpha = alpha;
            this.width = width;
        }
    }

    final Drawing f;
    final float height;
    final float graphTop;
    final float graphHeight;
    final float legendTop;
    private final double scale;
    private final double offsetX;
    private final double offsetY;
    private final float[] legendX;
    private final float[] legendY;

    FigureGeometry(Drawing f) {
        this.f = f;
        float graphWidth = WIDTH - 2 * MARGIN;
        this.graphTop = MARGIN + (f.title.isEmpty() ? 0 : LINE + 2);
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < f.nodeCount(); i++) {
            minX = Math.min(minX, f.x[i]);
            maxX = Math.max(maxX, f.x[i]);
            minY = Math.min(minY, f.y[i]);
            maxY = Math.max(maxY, f.y[i]);
        }
        if (f.nodeCount() == 0) minX = maxX = minY = maxY = 0;
        double spanX = Math.max(maxX - minX, 1e-9), spanY = Math.max(maxY - minY, 1e-9);
        // the graph keeps its aspect ratio, between a flat strip and a square
        double aspect = Math.max(0.35, Math.min(1.0, spanY / spanX));
        this.graphHeight = (float) (graphWidth * aspect);
        double pad = 3; // room for the outermost circles
        this.scale = Math.min((graphWidth - 2 * pad) / spanX, (graphHeight - 2 * pad) / spanY);
        this.offsetX = MARGIN + pad + (graphWidth - 2 * pad - spanX * scale) / 2 - minX * scale;
        this.offsetY = graphTop + pad + (graphHeight - 2 * pad - spanY * scale) / 2 + maxY * scale;
        this.legendTop = graphTop + graphHeight + 4;
        this.legendX = new float[f.legend.size()];
        this.legendY = new float[f.legend.size()];
        int row = 0, column = 0;
        for (int k = 0; k < f.legend.size(); k++) {
            boolean text = f.legend.get(k).swatch == Drawing.Entry.Swatch.NONE;
            if (column == 1 && text) { // a line of text starts a row of its own
                row++;
                column = 0;
            }
            legendX[k] = MARGIN + column * (WIDTH - 2 * MARGIN) / 2;
            legendY[k] = legendTop + row * LINE;
            if (text || column == 1) {
                row++;
                column = 0;
            } else {
                column = 1;
            }
        }
        int rows = row + (column == 1 ? 1 : 0);
        this.height = legendTop + rows * LINE + MARGIN;
    }

    float x(int node) { return (float) (offsetX + f.x[node] * scale); }

    float y(int node) { return (float) (offsetY - f.y[node] * scale); }

    /** A node's radius on the page: its size scaled like the positions, kept between 0.5 and 2.5 pt. */
    float r(int node) {
        return (float) Math.max(0.5, Math.min(2.5, f.radius[node] * scale));
    }

    /**
     * The width of the white lines between a pie's slices, points: a tenth of the radius, so that neighbouring slices
     * of similar colours stay apart without eating a small node.
     */
    static float separatorWidth(float r) {
        return 0.1f * r;
    }

    /** The bins in drawing order: weakest first, in the order of their first edge. */
    List<Bin> bins() {
        Map<Long, Bin> bins = new LinkedHashMap<>();
        for (int e = 0; e < f.edgeCount(); e++) {
            int a = Math.round(Math.max(0, Math.min(1, f.edgeAlpha[e])) * ALPHA_STEPS);
            if (a == 0) continue;
            int w = Math.max(1, Math.round(f.edgeWidth[e] / 0.05f));
            int rgb = f.edgeRgb[e] & 0xFFFFFF;
            long key = ((long) rgb << 24) | ((long) a << 16) | w;
            Bin b = bins.get(key);
            if (b == null) bins.put(key, b = new Bin(rgb, a / (float) ALPHA_STEPS, w * 0.05f));
            b.edges.add(e);
        }
        List<Bin> out = new ArrayList<>(bins.values());
        out.sort((p, q) -> p.alpha != q.alpha ? Float.compare(p.alpha, q.alpha) : Float.compare(p.width, q.width));
        return out;
    }

    /** Top left of legend entry {@code k}. */
    float legendX(int k) { return legendX[k]; }

    float legendY(int k) { return legendY[k]; }
}
