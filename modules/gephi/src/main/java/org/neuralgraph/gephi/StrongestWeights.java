package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.types.TimeMap;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.graph.Names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strongest connections of a weight graph, layer by layer: of the edges into each layer (the target node's
 * {@code layer}; all edges are one group when there is none), the given share with the largest |w|, w the signed
 * weight an edge stands for ({@code value}, else Gephi's edge weight). Per layer, because the layers' scales differ
 * (an MLP's first-layer weights are several times smaller than its last layer's), so that one global threshold would
 * keep nothing of the first layer. The command line's "-strongest" figures and the Gephi filter of the same name
 * ({@link StrongestWeightsFilter}) both keep these edges.
 *
 * <p>Only weights compete: the edges of a network DAG whose {@code kind} is {@code skip} (a residual connection's
 * identity, He et al. 2016, Eq. 1) or {@code attention} (Q and K steering V, Vaswani et al. 2017, Sec. 3.2.2) carry
 * weight 1 by construction, not a trained |w|, so they are kept whole, as the weight graph's sparsification keeps them
 * ({@link org.neuralgraph.core.dag.DagWeightGraph}): without them the strongest weights would fall apart into the
 * residual blocks' branches.
 */
public final class StrongestWeights {

    private StrongestWeights() { }

    /**
     * The kept edges of {@code g}.
     *
     * @param share in (0, 1]: of each layer's edges, the ceiling of share times their number (at least one) is kept
     */
    public static Set<Edge> of(Graph g, double share) {
        return new HashSet<>(of(g.getEdges().toCollection(), g.getModel().getEdgeTable().getColumn(Names.VALUE),
                g.getModel().getNodeTable().getColumn(Names.LAYER), g.getModel().getEdgeTable().getColumn(DagWeightGraph.KIND), share));
    }

    static List<Edge> of(Iterable<Edge> edges, Column value, Column layer, Column kind, double share) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("the share of edges kept must be in (0, 1], got " + share);
        Map<Object, List<Edge>> byLayer = new LinkedHashMap<>();
        List<Edge> kept = new ArrayList<>();
        for (Edge e : edges) {
            if (isStructural(e, kind)) kept.add(e);
            else byLayer.computeIfAbsent(layerOf(e, layer), k -> new ArrayList<>()).add(e);
        }
        for (List<Edge> l : byLayer.values()) {
            l.sort(Comparator.comparingDouble((Edge e) -> abs(e, value)).reversed());
            kept.addAll(l.subList(0, Math.max(1, (int) Math.ceil(share * l.size()))));
        }
        return kept;
    }

    /** True for a DAG's skip and attention edges (edge column {@code kind}), which stand for no trained weight. */
    static boolean isStructural(Edge e, Column kind) {
        if (kind == null) return false;
        Object k = e.getAttribute(kind);
        return DagWeightGraph.SKIP.equals(k) || DagWeightGraph.ATTENTION.equals(k);
    }

    /** The layer an edge leads into: its target's {@code layer}, or "" without that column. */
    static Object layerOf(Edge e, Column layer) {
        return layer == null ? "" : e.getTarget().getAttribute(layer);
    }

    /**
     * The signed weight an edge stands for: {@code value}, else its weight; in a dynamic graph the last value over time
     * (the trained network's, as the command line's timeline colours its nodes from the last checkpoint).
     */
    static double signed(Edge e, Column value) {
        Object v = value == null ? null : e.getAttribute(value);
        // Gephi's edge table keeps the weight in the column "weight": a number, or a TimeMap when it is dynamic
        // (where Edge.getWeight() would throw)
        if (v == null) v = e.getAttribute("weight");
        if (v instanceof TimeMap) {
            Object[] values = ((TimeMap<?, ?>) v).toValuesArray();
            v = values.length == 0 ? null : values[values.length - 1];
        }
        return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
    }

    /** |w| of {@link #signed}, 0 when it is not finite. */
    static double abs(Edge e, Column value) {
        double w = signed(e, value);
        return Double.isFinite(w) ? Math.abs(w) : 0;
    }
}
