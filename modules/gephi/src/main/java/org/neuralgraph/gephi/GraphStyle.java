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

    /**
     * Paul Tol's "muted" qualitative colours, told apart with every common colour-vision deficiency, and the dark brown of
     * his 12-colour qualitative set as a tenth, so that the ten classes of MNIST get ten colours; then they cycle.
     */
    static final int[] PALETTE = {0x332288, 0x117733, 0x44aa99, 0x88ccee, 0xddcc77, 0xcc6677, 0xaa4499, 0x882255, 0x999933, 0x661100};

    /** The node palette as 0xRRGGBB, category {@code k} taking entry {@code k mod length} (for charts that match the graphs). */
    public static int[] palette() {
        return PALETTE.clone();
    }

    /** Category {@code k}'s colour as 0xRRGGBB: the palette's entry {@code k mod length}, also for negative {@code k}. */
    public static int categoryRgb(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }

    /** A negative weight's edge (ColorBrewer RdBu's blue end), a positive one's (its red end), an unsigned one's. */
    public static final int NEGATIVE = 0x2166ac;
    public static final int POSITIVE = 0xb2182b;
    public static final int UNSIGNED = 0x444444;
    /**
     * A DAG's skip edge (a residual identity) and attention edge (Q, K steering V): grey and Okabe and Ito's reddish
     * purple, apart from the RdBu pair for every colour-vision deficiency, at a fixed opacity since their weight 1 is no
     * trained |w|.
     */
    public static final int SKIP = 0x888888, ATTENTION = 0xcc79a7;
    static final float STRUCTURAL_ALPHA = 0.6f;

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
            n.setColor(new Color(categoryRgb(k)));
        }
    }

    /**
     * Colours every edge by the sign of the weight it stands for (the edge column {@code value}, the signed weight of a
     * weight graph; an edge without one is {@link #UNSIGNED}) with an opacity that grows with |w|:
     * {@code alpha = min(1, |w| / q)^0.75}, q the 99th percentile of |w| among the edges into the same layer (the
     * target node's {@code layer}; all edges when there is none), so that every layer's strong weights stand out
     * although the layers' scales differ (first-layer weights of an MLP are several times smaller), and one outlier
     * does not wash the rest out. A network DAG's skip and attention edges ({@link StrongestWeights#isStructural}) are
     * {@link #SKIP} and {@link #ATTENTION} at one opacity, and stay out of the percentiles.
     */
    public static void colourEdges(GraphModel gm) {
        Column value = gm.getEdgeTable().getColumn(Names.VALUE);
        Column layer = gm.getNodeTable().getColumn(Names.LAYER);
        Column kind = gm.getEdgeTable().getColumn(org.neuralgraph.core.dag.DagWeightGraph.KIND);
        java.util.List<Edge> edges = new java.util.ArrayList<>(gm.getGraph().getEdges().toCollection());
        Map<Object, java.util.List<Double>> byLayer = new HashMap<>();
        for (Edge e : edges) {
            if (!StrongestWeights.isStructural(e, kind)) byLayer.computeIfAbsent(StrongestWeights.layerOf(e, layer), k -> new java.util.ArrayList<>()).add(StrongestWeights.abs(e, value));
        }
        Map<Object, Double> q = new HashMap<>();
        for (Map.Entry<Object, java.util.List<Double>> l : byLayer.entrySet()) {
            double[] a = l.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            q.put(l.getKey(), a.length == 0 ? 1 : a[Math.min(a.length - 1, (int) Math.floor(0.99 * (a.length - 1)))]);
        }
        for (Edge e : edges) {
            if (StrongestWeights.isStructural(e, kind)) {
                int rgb = org.neuralgraph.core.dag.DagWeightGraph.SKIP.equals(e.getAttribute(kind)) ? SKIP : ATTENTION;
                e.setColor(new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, Math.round(STRUCTURAL_ALPHA * 255)));
                continue;
            }
            double w = StrongestWeights.abs(e, value), top = q.get(StrongestWeights.layerOf(e, layer));
            float alpha = (float) Math.pow(Math.min(1, top > 0 ? w / top : 1), 0.75);
            int rgb = value == null ? UNSIGNED : StrongestWeights.signed(e, value) < 0 ? NEGATIVE : POSITIVE;
            // at least 1/255: Gephi draws an edge of opacity 0 as "no colour of its own", in its source node's colour
            e.setColor(new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, Math.max(1, Math.round(alpha * 255))));
        }
    }

    /**
     * Sizes nodes by their strength, the sum of |w| over their edges (Barrat et al. 2004): Gephi's weighted degree column
     * when {@link GephiMetrics} has run (the same sum for a weight graph, whose edge weight is |w|), else computed here.
     */
    public static void sizeByWeightedDegree(GraphModel gm) {
        if (gm.getNodeTable().getColumn(WeightedDegree.WDEGREE) != null) {
            sizeBy(gm, WeightedDegree.WDEGREE);
            return;
        }
        Column value = gm.getEdgeTable().getColumn(Names.VALUE);
        Map<Node, Double> strength = new java.util.LinkedHashMap<>();
        for (Node n : gm.getGraph().getNodes()) strength.put(n, 0.0);
        for (Edge e : gm.getGraph().getEdges()) {
            double w = StrongestWeights.abs(e, value);
            strength.merge(e.getSource(), w, Double::sum);
            strength.merge(e.getTarget(), w, Double::sum);
        }
        size(strength);
    }

    /**
     * Colours nodes by {@code layer} when the graph has at least two layers, else by Louvain communities at resolution
     * 1 ({@link ModularitySweep}, reproducible: Gephi's Modularity without randomisation, written to
     * {@code modularity_class}): how a generated workspace opens, nodes by layer or community.
     */
    public static void colourByLayerOrCommunity(GraphModel gm) {
        Column layer = gm.getNodeTable().getColumn(Names.LAYER);
        java.util.Set<Object> layers = new java.util.HashSet<>();
        if (layer != null) for (Node n : gm.getGraph().getNodes()) layers.add(n.getAttribute(layer));
        if (layers.size() >= 2) {
            colourBy(gm, Names.LAYER);
            return;
        }
        if (gm.getGraph().getEdgeCount() > 0) {
            ModularitySweep.run(gm, new double[]{1.0}, 1.0, org.neuralgraph.core.progress.ProgressMonitor.NONE);
            colourBy(gm, Names.MODULARITY_CLASS);
        }
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
        Map<Node, Double> values = new java.util.LinkedHashMap<>();
        for (Node n : gm.getGraph().getNodes()) values.put(n, ((Number) n.getAttribute(col)).doubleValue());
        size(values);
    }

    /** Sizes linearly from the smallest value (MIN_SIZE) to the largest (MAX_SIZE); all the middle size if they are equal. */
    private static void size(Map<Node, Double> values) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (Map.Entry<Node, Double> e : values.entrySet()) {
            double t = max > min ? (e.getValue() - min) / (max - min) : 0.5;
            e.getKey().setSize((float) (MIN_SIZE + t * (MAX_SIZE - MIN_SIZE)));
        }
    }
}
