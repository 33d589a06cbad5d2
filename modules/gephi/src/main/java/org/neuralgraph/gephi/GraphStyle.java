package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.statistics.plugin.WeightedDegree;
import org.neuralgraph.core.graph.Names;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/**
 * Colours and sizes a workspace for pictures, GEXF and Gephi's own view: nodes by a categorical column ({@code layer}
 * or {@code modularity_class}) from a fixed colour-blind-safe palette (Paul Tol's "muted"), so the same category gets
 * the same colour in every file; sizes by Gephi's weighted degree, linearly from {@value #MIN_SIZE} to
 * {@value #MAX_SIZE}; edges by the sign of the weight they stand for ({@link #colourEdges}).
 */
public final class GraphStyle {

    static final float MIN_SIZE = 4f;
    static final float MAX_SIZE = 20f;

    /** Paul Tol's "muted" qualitative colours, told apart with every common colour-vision deficiency; then they cycle. */
    static final int[] PALETTE = {0x332288, 0x117733, 0x44aa99, 0x88ccee, 0xddcc77, 0xcc6677, 0xaa4499, 0x882255, 0x999933};

    /** A negative weight's edge (ColorBrewer RdBu's blue end), a positive one's (its red end), an unsigned one's. */
    public static final int NEGATIVE = 0x2166ac;
    public static final int POSITIVE = 0xb2182b;
    public static final int UNSIGNED = 0x444444;

    private GraphStyle() { }

    /**
     * Colours nodes by the values of {@code columnId}; categories are numbered in order of first appearance
     * over the nodes, or by value for integer columns.
     */
    public static void colourBy(GraphModel gm, String columnId) {
        Column col = Columns.find(gm.getNodeTable(), columnId, "colour column");
        Map<Object, Integer> index = new HashMap<>();
        for (Node n : gm.getGraph().getNodes()) {
            Object v = n.getAttribute(col);
            int k = v instanceof Integer ? (Integer) v : index.computeIfAbsent(v, x -> index.size());
            n.setColor(new Color(PALETTE[Math.floorMod(k, PALETTE.length)]));
        }
    }

    /**
     * Colours every edge by the sign of the weight it stands for (the edge column {@code value}, the signed weight of a
     * weight graph; an edge without one is {@link #UNSIGNED}) with an opacity that grows with |w|:
     * {@code alpha = min(1, |w| / q)^0.75}, q the 99th percentile of |w| among the edges into the same layer (the
     * target node's {@code layer}; all edges when there is none), so that every layer's strong weights stand out
     * although the layers' scales differ (first-layer weights of an MLP are several times smaller), and one outlier
     * does not wash the rest out.
     */
    public static void colourEdges(GraphModel gm) {
        Column value = gm.getEdgeTable().getColumn(Names.VALUE);
        Column layer = gm.getNodeTable().getColumn(Names.LAYER);
        java.util.List<Edge> edges = new java.util.ArrayList<>(gm.getGraph().getEdges().toCollection());
        Map<Object, java.util.List<Double>> byLayer = new HashMap<>();
        for (Edge e : edges) byLayer.computeIfAbsent(layerOf(e, layer), k -> new java.util.ArrayList<>()).add(strength(e, value));
        Map<Object, Double> q = new HashMap<>();
        for (Map.Entry<Object, java.util.List<Double>> l : byLayer.entrySet()) {
            double[] a = l.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            q.put(l.getKey(), a.length == 0 ? 1 : a[Math.min(a.length - 1, (int) Math.floor(0.99 * (a.length - 1)))]);
        }
        for (Edge e : edges) {
            double w = strength(e, value), top = q.get(layerOf(e, layer));
            float alpha = (float) Math.pow(Math.min(1, top > 0 ? w / top : 1), 0.75);
            int rgb = value == null ? UNSIGNED : ((Number) e.getAttribute(value)).doubleValue() < 0 ? NEGATIVE : POSITIVE;
            e.setColor(new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, Math.round(alpha * 255)));
        }
    }

    private static Object layerOf(Edge e, Column layer) {
        return layer == null ? "" : e.getTarget().getAttribute(layer);
    }

    /** |w| of the signed weight, or Gephi's edge weight. */
    private static double strength(Edge e, Column value) {
        Object v = value == null ? null : e.getAttribute(value);
        double w = v instanceof Number ? ((Number) v).doubleValue() : e.getWeight();
        return Double.isFinite(w) ? Math.abs(w) : 0;
    }

    /** Sizes nodes by Gephi's weighted degree column (run {@link GephiMetrics} first), else leaves them. */
    public static void sizeByWeightedDegree(GraphModel gm) {
        if (gm.getNodeTable().getColumn(WeightedDegree.WDEGREE) != null) sizeBy(gm, WeightedDegree.WDEGREE);
    }

    /**
     * Colours nodes by an angle in degrees once around the colour wheel per {@code periodDegrees} (180 for an edge
     * orientation, so 0 and 180, the same edge direction, meet; 360 for a gradient direction), grey where it is
     * missing or NaN: a Mapper ring of filters shows its directions as a rainbow.
     */
    public static void colourByAngle(GraphModel gm, String columnId, double periodDegrees) {
        Column col = gm.getNodeTable().getColumn(columnId);
        for (Node n : gm.getGraph().getNodes()) {
            Object v = col == null ? null : n.getAttribute(col);
            double d = v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
            double turn = d / periodDegrees - Math.floor(d / periodDegrees);
            n.setColor(Double.isNaN(d) ? Color.LIGHT_GRAY : Color.getHSBColor((float) turn, 0.75f, 0.9f));
        }
    }

    /** Sizes nodes by a numeric column, linearly between the smallest and largest node size. */
    public static void sizeBy(GraphModel gm, String columnId) {
        Column col = Columns.find(gm.getNodeTable(), columnId, "size column");
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Node n : gm.getGraph().getNodes()) {
            double v = ((Number) n.getAttribute(col)).doubleValue();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (Node n : gm.getGraph().getNodes()) {
            double v = ((Number) n.getAttribute(col)).doubleValue();
            double t = max > min ? (v - min) / (max - min) : 0.5;
            n.setSize((float) (MIN_SIZE + t * (MAX_SIZE - MIN_SIZE)));
        }
    }
}
