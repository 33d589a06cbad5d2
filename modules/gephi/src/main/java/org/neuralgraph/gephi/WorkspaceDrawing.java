package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.PieSlices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workspace as a {@link Drawing}: its node positions, colours and sizes as they are, its edges in the colours and
 * opacities {@link GraphStyle#colourEdges} gave them (weakest drawn first), and a legend that says what the colours
 * mean: the edges' sign scale when they stand for signed weights, and the node column whose values the node colours
 * follow (found by checking which categorical column maps one-to-one onto the colours; none when the colours follow a
 * number, such as a Mapper graph's gradient direction).
 */
public final class WorkspaceDrawing {

    /** The most node categories the legend lists. */
    static final int MAX_CATEGORIES = 8;
    /** The most pie communities the legend lists: ten classes and a few more. */
    static final int MAX_PIE_COMMUNITIES = 16;

    private WorkspaceDrawing() { }

    /**
     * @param strongest 0 for every edge; otherwise the share in (0, 1] of each layer's edges kept, those of largest
     *                  |w|, drawn opaque and twice as wide: a view of the strongest connections
     */
    public static Drawing of(GraphModel gm, String title, double strongest) {
        return of(gm, title, strongest, null);
    }

    /**
     * As {@link #of(GraphModel, String, double)}, with every node that has communities in {@code pieColumn} drawn as a
     * pie of them ({@link NodePies}: belonging coefficients when there are, else equal shares), and a legend of the
     * communities' colours, ascending, instead of the node colours'. The overlap of a cover, a neuron in several
     * classes (Mostafa and Mondal, Eq. 3-4), is then in the picture rather than lost to one colour per node.
     *
     * @param pieColumn a cover column ({@code classes}, {@code belonging}, a partition), or null for one colour per node
     * @throws IllegalArgumentException when there is no such column or its coefficients are not shares
     */
    public static Drawing of(GraphModel gm, String title, double strongest, String pieColumn) {
        if (!(strongest >= 0 && strongest <= 1)) throw new IllegalArgumentException("strongest must be in [0, 1], got " + strongest);
        Graph g = gm.getGraph();
        Node[] nodes = g.getNodes().toArray();
        Map<Node, Integer> index = new HashMap<>();
        float[] x = new float[nodes.length], y = new float[nodes.length], r = new float[nodes.length];
        int[] rgb = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            index.put(nodes[i], i);
            x[i] = nodes[i].x();
            y[i] = nodes[i].y();
            r[i] = nodes[i].size();
            rgb[i] = nodes[i].getColor().getRGB() & 0xFFFFFF;
        }
        Column value = gm.getEdgeTable().getColumn(Names.VALUE);
        List<Edge> edges = new ArrayList<>(Arrays.asList(g.getEdges().toArray()));
        Column kind = gm.getEdgeTable().getColumn(DagWeightGraph.KIND);
        if (strongest > 0) edges = StrongestWeights.of(edges, value, gm.getNodeTable().getColumn(Names.LAYER), kind, strongest);
        edges.sort(Comparator.comparingDouble(Edge::alpha));
        int m = edges.size();
        int[] src = new int[m], dst = new int[m], ergb = new int[m];
        float[] alpha = new float[m], width = new float[m];
        for (int e = 0; e < m; e++) {
            Edge edge = edges.get(e);
            src[e] = index.get(edge.getSource());
            dst[e] = index.get(edge.getTarget());
            boolean coloured = edge.r() >= 0 && edge.alpha() > 0;
            ergb[e] = coloured ? edge.getColor().getRGB() & 0xFFFFFF : GraphStyle.UNSIGNED;
            alpha[e] = strongest > 0 ? 1f : coloured ? edge.alpha() : 0.35f;
            width[e] = strongest > 0 ? 0.5f : 0.25f;
        }
        List<Drawing.Entry> legend = new ArrayList<>();
        if (value != null) {
            legend.add(new Drawing.Entry(Drawing.Entry.Swatch.EDGE, GraphStyle.POSITIVE, "positive weight"));
            legend.add(new Drawing.Entry(Drawing.Entry.Swatch.EDGE, GraphStyle.NEGATIVE, "negative weight"));
            if (hasKind(edges, kind, DagWeightGraph.SKIP)) legend.add(new Drawing.Entry(Drawing.Entry.Swatch.EDGE, GraphStyle.SKIP, "skip connection"));
            if (hasKind(edges, kind, DagWeightGraph.ATTENTION)) legend.add(new Drawing.Entry(Drawing.Entry.Swatch.EDGE, GraphStyle.ATTENTION, "attention: Q, K to V"));
            legend.add(Drawing.Entry.text(strongest > 0
                    ? String.format(Locale.ROOT, "edges: the %s %% largest |w| of each layer", percent(strongest))
                    : "opacity: |w| / 99th percentile of its layer"));
        }
        String layers = layerOrder(gm, nodes);
        if (layers != null) legend.add(Drawing.Entry.text(layers));
        if (pieColumn == null) {
            legend.addAll(nodeLegend(gm, nodes, rgb));
            return new Drawing(title, x, y, r, rgb, src, dst, ergb, alpha, width, legend);
        }
        NodePies pies = NodePies.read(gm, pieColumn);
        PieSlices[] slices = new PieSlices[nodes.length];
        for (int i = 0; i < nodes.length; i++) slices[i] = pies.of(nodes[i]);
        legend.addAll(pieLegend(gm, pies, pieColumn));
        return new Drawing(title, x, y, r, rgb, src, dst, ergb, alpha, width, List.of()).withPies(slices, pies.colours(), legend);
    }

    private static boolean hasKind(List<Edge> edges, Column kind, String k) {
        if (kind == null) return false;
        for (Edge e : edges) if (k.equals(e.getAttribute(kind))) return true;
        return false;
    }

    /**
     * The pies' communities by id with their colours and sizes, "class 3 (41)" for an activation pattern graph's
     * {@code classes}, else the column's title and the label; at most {@value #MAX_PIE_COMMUNITIES}.
     */
    static List<Drawing.Entry> pieLegend(GraphModel gm, NodePies pies, String pieColumn) {
        Column c = Columns.find(gm.getNodeTable(), pieColumn, "cover column");
        String word = c.getId().equals(Names.CLASSES) ? "class" : c.getTitle();
        List<Drawing.Entry> out = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<Integer, String> e : pies.labels().entrySet()) {
            if (shown++ == MAX_PIE_COMMUNITIES) {
                out.add(Drawing.Entry.text("+ " + (pies.labels().size() - MAX_PIE_COMMUNITIES) + " more"));
                break;
            }
            out.add(new Drawing.Entry(Drawing.Entry.Swatch.NODE, NodePies.rgb(e.getKey()), word + " " + e.getValue() + " (" + pies.members(e.getKey()) + ")"));
        }
        return out;
    }

    /**
     * "left to right: input, dense_1, ..., output" when the nodes stand in layers from left to right (the mean x of each
     * layer grows with the layer), so that a reader can tell inputs from outputs; null otherwise.
     */
    static String layerOrder(GraphModel gm, Node[] nodes) {
        Column layer = gm.getNodeTable().getColumn(Names.LAYER), name = gm.getNodeTable().getColumn(Names.LAYER_NAME);
        if (layer == null || layer.getTypeClass() != Integer.class) return null;
        java.util.TreeMap<Integer, double[]> meanX = new java.util.TreeMap<>();
        Map<Integer, String> names = new HashMap<>();
        for (Node n : nodes) {
            int l = (Integer) n.getAttribute(layer);
            double[] m = meanX.computeIfAbsent(l, k -> new double[2]);
            m[0] += n.x();
            m[1]++;
            if (name != null) names.putIfAbsent(l, String.valueOf(n.getAttribute(name)));
        }
        if (meanX.size() < 2) return null;
        double last = Double.NEGATIVE_INFINITY;
        for (double[] m : meanX.values()) {
            if (m[0] / m[1] <= last) return null;
            last = m[0] / m[1];
        }
        List<String> words = new ArrayList<>();
        for (Integer l : meanX.keySet()) words.add(names.getOrDefault(l, "layer " + l));
        String all = "left to right: " + String.join(", ", words);
        return all.length() <= 70 ? all : "left to right: " + words.get(0) + " ... " + words.get(words.size() - 1) + " (" + words.size() + " layers)";
    }

    private static String percent(double share) {
        double p = 100 * share;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }

    /**
     * The legend of the node colours: the first categorical node column (whole numbers or text, at most 100 values)
     * whose values map one-to-one onto the colours, its largest categories first; a layer's entries are labelled
     * by the layer's name when there is one.
     */
    static List<Drawing.Entry> nodeLegend(GraphModel gm, Node[] nodes, int[] rgb) {
        List<Drawing.Entry> out = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Column c : gm.getNodeTable()) columns.add(c);
        List<String> first = Arrays.asList(Names.MODULARITY_CLASS, Names.LAYER); // what the studies colour by
        columns.sort(Comparator.comparingInt((Column c) -> first.contains(c.getId()) ? first.indexOf(c.getId()) : first.size()));
        for (Column c : columns) {
            if (c.isProperty() || !(c.getTypeClass() == Integer.class || c.getTypeClass() == String.class)) continue;
            Map<Object, Integer> colourOf = new LinkedHashMap<>();
            Map<Integer, Object> valueOf = new HashMap<>();
            Map<Object, Integer> count = new HashMap<>();
            boolean oneToOne = true;
            for (int i = 0; i < nodes.length && oneToOne; i++) {
                Object v = nodes[i].getAttribute(c);
                Integer had = colourOf.putIfAbsent(v, rgb[i]);
                Object back = valueOf.putIfAbsent(rgb[i], v);
                oneToOne = (had == null || had == rgb[i]) && (back == null || java.util.Objects.equals(back, v)) && colourOf.size() <= 100;
                count.merge(v, 1, Integer::sum);
            }
            if (!oneToOne || colourOf.size() < 2) continue;
            Column names = c.getId().equals(Names.LAYER) ? gm.getNodeTable().getColumn(Names.LAYER_NAME) : null;
            Map<Object, String> label = new HashMap<>();
            for (Node n : nodes) {
                Object v = n.getAttribute(c);
                label.putIfAbsent(v, names != null ? String.valueOf(n.getAttribute(names)) : c.getTitle() + " " + v);
            }
            List<Object> values = new ArrayList<>(colourOf.keySet());
            values.sort(Comparator.comparingInt((Object v) -> -count.get(v)));
            for (Object v : values.subList(0, Math.min(MAX_CATEGORIES, values.size()))) {
                out.add(new Drawing.Entry(Drawing.Entry.Swatch.NODE, colourOf.get(v), label.get(v) + " (" + count.get(v) + ")"));
            }
            if (values.size() > MAX_CATEGORIES) out.add(Drawing.Entry.text("+ " + (values.size() - MAX_CATEGORIES) + " more " + c.getTitle().toLowerCase(Locale.ROOT) + " values"));
            return out;
        }
        return out;
    }
}
