package org.neuralgraph.core.backbone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a reduction (a {@link DisparityFilter} backbone, a top-k or percentile sparsification) kept of a weight graph,
 * layer by layer: weight edges kept of all (an edge belongs to its target's layer, the weight matrix it comes from),
 * their total |w| kept of all, and the layer's nodes that keep at least one edge (of any kind, structural skip and
 * attention edges included since reductions keep them whole) of all its nodes. Built in one pass over the edges, with
 * O(nodes) memory, so the streaming path and the in-memory graph make the same summary.
 */
public final class ReductionSummary {

    /** One layer's row. */
    public static final class Layer {
        public final String name;
        public long edgesKept, edges;
        public double weightKept, weight;
        public int nodesKept, nodes;

        Layer(String name) { this.name = name; }
    }

    private final List<Layer> layers;

    private ReductionSummary(List<Layer> layers) { this.layers = Collections.unmodifiableList(layers); }

    public List<Layer> layers() { return layers; }

    /** Accumulates edges; {@link #build()} counts the nodes. */
    public static final class Builder {
        private final int[] nodeLayer;
        private final Layer[] rows;
        private final boolean[] touched;

        /**
         * @param nodeLayer  each node's layer, an index into {@code layerNames}
         * @param layerNames the layers' names, in the order the summary lists them
         */
        public Builder(int[] nodeLayer, String[] layerNames) {
            this.nodeLayer = nodeLayer;
            rows = new Layer[layerNames.length];
            for (int l = 0; l < rows.length; l++) rows[l] = new Layer(layerNames[l]);
            touched = new boolean[nodeLayer.length];
        }

        /** A weight edge {@code u -> v} of weight |w| and whether the reduction kept it. */
        public void weightEdge(int u, int v, double absW, boolean kept) {
            Layer r = rows[nodeLayer[v]];
            r.edges++;
            r.weight += absW;
            if (kept) {
                r.edgesKept++;
                r.weightKept += absW;
                touched[u] = true;
                touched[v] = true;
            }
        }

        /** A structural edge (skip, attention), always kept. */
        public void structuralEdge(int u, int v) {
            touched[u] = true;
            touched[v] = true;
        }

        public ReductionSummary build() {
            for (int v = 0; v < nodeLayer.length; v++) {
                Layer r = rows[nodeLayer[v]];
                r.nodes++;
                if (touched[v]) r.nodesKept++;
            }
            List<Layer> out = new ArrayList<>();
            for (Layer r : rows) if (r.nodes > 0 || r.edges > 0) out.add(r);
            return new ReductionSummary(out);
        }
    }

    public long edgesKept() { long n = 0; for (Layer r : layers) n += r.edgesKept; return n; }
    public long edges() { long n = 0; for (Layer r : layers) n += r.edges; return n; }
    public double weightKept() { double n = 0; for (Layer r : layers) n += r.weightKept; return n; }
    public double weight() { double n = 0; for (Layer r : layers) n += r.weight; return n; }
    public long nodesKept() { long n = 0; for (Layer r : layers) n += r.nodesKept; return n; }
    public long nodes() { long n = 0; for (Layer r : layers) n += r.nodes; return n; }

    /** The rows as a JSON array: layer, edges_kept, edges, weight_kept, weight, nodes_kept, nodes. */
    public String toJson() {
        StringBuilder b = new StringBuilder("[");
        for (Layer r : layers) {
            if (b.length() > 1) b.append(',');
            b.append("{\"layer\":\"").append(r.name.replace("\\", "\\\\").replace("\"", "\\\"")).append('"')
                    .append(",\"edges_kept\":").append(r.edgesKept).append(",\"edges\":").append(r.edges)
                    .append(",\"weight_kept\":").append(num(r.weightKept)).append(",\"weight\":").append(num(r.weight))
                    .append(",\"nodes_kept\":").append(r.nodesKept).append(",\"nodes\":").append(r.nodes).append('}');
        }
        return b.append(']').toString();
    }

    /** Reads back {@link #toJson()} (a graph attribute), e.g. for a report. */
    public static ReductionSummary parseJson(String json) {
        List<Layer> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"layer\":\"((?:[^\"\\\\]|\\\\.)*)\",\"edges_kept\":(\\d+),\"edges\":(\\d+),"
                + "\"weight_kept\":([^,]+),\"weight\":([^,]+),\"nodes_kept\":(\\d+),\"nodes\":(\\d+)\\}").matcher(json);
        while (m.find()) {
            Layer r = new Layer(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            r.edgesKept = Long.parseLong(m.group(2));
            r.edges = Long.parseLong(m.group(3));
            r.weightKept = m.group(4).equals("null") ? Double.NaN : Double.parseDouble(m.group(4));
            r.weight = m.group(5).equals("null") ? Double.NaN : Double.parseDouble(m.group(5));
            r.nodesKept = Integer.parseInt(m.group(6));
            r.nodes = Integer.parseInt(m.group(7));
            out.add(r);
        }
        return new ReductionSummary(out);
    }

    /** The rows as maps (for a JSON report). */
    public List<java.util.Map<String, Object>> asMaps() {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (Layer r : layers) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("layer", r.name);
            m.put("edges_kept", r.edgesKept);
            m.put("edges", r.edges);
            m.put("weight_kept", r.weightKept);
            m.put("weight", r.weight);
            m.put("nodes_kept", r.nodesKept);
            m.put("nodes", r.nodes);
            out.add(m);
        }
        return out;
    }

    /** The rows as a Markdown table with a total line. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder("| layer | edges kept | of | % | total \\|w\\| kept | % | nodes kept | of |\n|---|---|---|---|---|---|---|---|\n");
        for (Layer r : layers) row(b, r.name, r.edgesKept, r.edges, r.weightKept, r.weight, r.nodesKept, r.nodes);
        row(b, "**all**", edgesKept(), edges(), weightKept(), weight(), nodesKept(), nodes());
        return b.toString();
    }

    private static void row(StringBuilder b, String name, long ek, long e, double wk, double w, long nk, long n) {
        b.append("| ").append(name).append(" | ").append(ek).append(" | ").append(e).append(" | ").append(pct(ek, e))
                .append(" | ").append(String.format(Locale.ROOT, "%.4g", wk)).append(" | ").append(pct(wk, w))
                .append(" | ").append(nk).append(" | ").append(n).append(" |\n");
    }

    private static String pct(double a, double b) { return b == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100 * a / b); }

    private static String num(double x) { return Double.isFinite(x) ? String.valueOf(x) : "null"; }
}
