package org.neuralgraph.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a picture of a graph shows, independent of the file it is written to (the render module's SVG, PDF and PNG
 * writers): nodes as filled circles, edges as straight lines each with its own colour, opacity and width, a
 * title, and a legend that says what the colours mean. Positions are in the graph's own units with y growing upwards
 * (Gephi's convention); the writers fit them to the page. Edges are drawn in the order given, so callers
 * put the weakest first and the strongest on top.
 *
 * <p>A node may be drawn as a pie of the communities it belongs to ({@link #withPies}): an overlapping cover, such as
 * the classes of an activation pattern graph (Mostafa and Mondal, Eq. 3-4, a neuron in several classes), is invisible
 * in one colour per node. Each slice has its community's colour ({@link #communityRgb}), the same in every figure.
 */
public final class Drawing {

    /** One line of the legend: a swatch (a dot for nodes, a stroke for edges) and what it stands for. */
    public static final class Entry {
        public enum Swatch { NODE, EDGE, NONE }

        public final Swatch swatch;
        public final int rgb;
        public final String label;

        public Entry(Swatch swatch, int rgb, String label) {
            this.swatch = Objects.requireNonNull(swatch);
            this.rgb = rgb;
            this.label = Objects.requireNonNull(label);
        }

        /** A line of text without a swatch. */
        public static Entry text(String label) {
            return new Entry(Swatch.NONE, 0, label);
        }
    }

    public final String title;
    public final float[] x;
    public final float[] y;
    public final float[] radius;
    public final int[] nodeRgb;
    public final int[] source;
    public final int[] target;
    public final int[] edgeRgb;
    public final float[] edgeAlpha;
    public final float[] edgeWidth;
    public final List<Entry> legend;
    /** Each node's pie slices, null for a node drawn as a plain circle; null when no node is a pie. */
    public final PieSlices[] pies;
    /** The colour of each community id the pies show. */
    public final Map<Integer, Integer> communityRgb;

    /**
     * @param radius    node radii in the units of the positions (Gephi's node size)
     * @param edgeAlpha opacity of each edge in [0, 1]
     * @param edgeWidth width of each edge in points on the page
     */
    public Drawing(String title, float[] x, float[] y, float[] radius, int[] nodeRgb, int[] source, int[] target, int[] edgeRgb,
                  float[] edgeAlpha, float[] edgeWidth, List<Entry> legend) {
        this(title, x, y, radius, nodeRgb, source, target, edgeRgb, edgeAlpha, edgeWidth, legend, null, Collections.emptyMap());
    }

    private Drawing(String title, float[] x, float[] y, float[] radius, int[] nodeRgb, int[] source, int[] target, int[] edgeRgb,
                    float[] edgeAlpha, float[] edgeWidth, List<Entry> legend, PieSlices[] pies, Map<Integer, Integer> communityRgb) {
        int n = x.length, m = source.length;
        if (y.length != n || radius.length != n || nodeRgb.length != n) throw new IllegalArgumentException("node arrays differ in length");
        if (target.length != m || edgeRgb.length != m || edgeAlpha.length != m || edgeWidth.length != m) {
            throw new IllegalArgumentException("edge arrays differ in length");
        }
        for (int e = 0; e < m; e++) {
            if (source[e] < 0 || source[e] >= n || target[e] < 0 || target[e] >= n) {
                throw new IllegalArgumentException("edge " + e + " joins nodes " + source[e] + " and " + target[e] + " of " + n);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(x[i]) || !Float.isFinite(y[i])) throw new IllegalArgumentException("node " + i + " is at (" + x[i] + ", " + y[i] + ")");
        }
        this.title = title == null ? "" : title;
        this.x = x;
        this.y = y;
        this.radius = radius;
        this.nodeRgb = nodeRgb;
        this.source = source;
        this.target = target;
        this.edgeRgb = edgeRgb;
        this.edgeAlpha = edgeAlpha;
        this.edgeWidth = edgeWidth;
        this.legend = Collections.unmodifiableList(new ArrayList<>(legend));
        if (pies != null) {
            if (pies.length != n) throw new IllegalArgumentException(pies.length + " pies for " + n + " nodes");
            for (PieSlices p : pies) {
                if (p == null) continue;
                for (int k = 0; k < p.size(); k++) {
                    if (!communityRgb.containsKey(p.community(k))) throw new IllegalArgumentException("community " + p.community(k) + " has no colour");
                }
            }
        }
        this.pies = pies;
        this.communityRgb = Collections.unmodifiableMap(new HashMap<>(communityRgb));
    }

    /**
     * This drawing with nodes drawn as pies.
     *
     * @param pies         each node's slices, null (or no slices) for a node drawn as a plain circle in its colour
     * @param communityRgb the colour of every community the slices name
     * @param legend       the legend that replaces this one (say what the slice colours mean)
     */
    public Drawing withPies(PieSlices[] pies, Map<Integer, Integer> communityRgb, List<Entry> legend) {
        return new Drawing(title, x, y, radius, nodeRgb, source, target, edgeRgb, edgeAlpha, edgeWidth, legend,
                Objects.requireNonNull(pies).clone(), communityRgb);
    }

    /** Node {@code i}'s slices when it is drawn as a pie (at least one slice), else null. */
    public PieSlices pie(int i) {
        PieSlices p = pies == null ? null : pies[i];
        return p == null || p.size() == 0 ? null : p;
    }

    public int nodeCount() { return x.length; }
    public int edgeCount() { return source.length; }
    public String title() { return title; }
    public List<Entry> legend() { return legend; }
}
