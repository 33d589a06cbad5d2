package org.neuralgraph.gephi;

import org.gephi.graph.api.AttributeUtils;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Estimator;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.types.TimeMap;
import org.neuralgraph.core.stats.UndirectedWeights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A Gephi graph (its visible view, or a window of the timeline) as the plain arrays the core statistics take: nodes
 * numbered in Gephi's iteration order, edges with their weights, and covers read from a node column.
 */
public final class GraphArrays {

    /** The nodes in index order. */
    public final Node[] nodes;
    public final UndirectedWeights weights;

    private GraphArrays(Node[] nodes, UndirectedWeights weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    public static GraphArrays of(GraphModel gm) {
        return of(gm.getGraphVisible(), Edge::getWeight);
    }

    /**
     * The nodes and edges of {@code graph} (a window's {@code gm.getGraph(view)} in a dynamic statistic) with the
     * weights of {@link #weights(Graph, Interval)}.
     */
    public static GraphArrays of(Graph graph, Interval interval) {
        return of(graph, weights(graph, interval));
    }

    /**
     * How a window reads edge weights: a dynamic weight as graphstore estimates it over {@code interval} (the weight
     * column's estimator, FIRST unless changed: the value at the earliest timestamp in the interval; 0 when the edge
     * has none there), a static weight as it is. A null interval means the time interval of the graph's own view.
     * Gephi's StatisticsController builds each window as a new view whose own interval is unbounded, so a dynamic
     * statistic passes the window's interval.
     */
    static ToDoubleFunction<Edge> weights(Graph graph, Interval interval) {
        Interval in = interval != null ? interval : graph.getView().getTimeInterval();
        return e -> e.hasDynamicWeight() ? e.getWeight(in) : e.getWeight();
    }

    private static GraphArrays of(Graph g, ToDoubleFunction<Edge> weight) {
        g.readLock();
        try {
            Node[] nodes = g.getNodes().toArray();
            Map<Node, Integer> index = new HashMap<>();
            for (int i = 0; i < nodes.length; i++) index.put(nodes[i], i);
            int m = g.getEdgeCount();
            int[] s = new int[m], t = new int[m];
            double[] w = new double[m];
            int e = 0;
            for (Edge edge : g.getEdges()) {
                s[e] = index.get(edge.getSource());
                t[e] = index.get(edge.getTarget());
                w[e++] = weight.applyAsDouble(edge);
            }
            return new GraphArrays(nodes, UndirectedWeights.of(nodes.length, s, t, w));
        } finally {
            g.readUnlock();
        }
    }

    /**
     * The cover held in a node column: an integer column is a partition (one community per node, as Gephi's
     * {@code modularity_class}); a string column lists a node's communities separated by {@code |} (as the
     * activation-pattern importer writes them, e.g. {@code 3|7}); an empty or missing value is no community.
     * Community labels are numbered in order of first appearance. A dynamic column is read over the whole timeline,
     * as {@link #cover(Column, Interval, List)} does.
     *
     * @param labels receives the label of each community number
     * @throws IllegalArgumentException when the column does not exist or has another type
     */
    public int[][] cover(GraphModel gm, String columnId, List<String> labels) {
        return cover(coverColumn(gm, columnId), Interval.INFINITY_INTERVAL, labels);
    }

    /**
     * The cover column named {@code columnId} (its id or its title, {@link Columns#find}), static or dynamic, checked as {@link #cover(GraphModel, String, List)} needs.
     *
     * @throws IllegalArgumentException when the column does not exist or has another type
     */
    public static Column coverColumn(GraphModel gm, String columnId) {
        Column col = Columns.find(gm.getNodeTable(), columnId, "cover column");
        Class<?> type = col.isDynamic() ? AttributeUtils.getStaticType(col.getTypeClass()) : col.getTypeClass();
        if (!(Number.class.isAssignableFrom(type) || type == String.class)) {
            throw new IllegalArgumentException("cover column '" + columnId + "' has type " + type.getSimpleName() + "; use an integer partition or a string like 3|7");
        }
        return col;
    }

    /**
     * The cover in {@code col} (from {@link #coverColumn}) as in {@link #cover(GraphModel, String, List)}; a dynamic
     * column gives each node its value in {@code interval}: the column's estimator when it is FIRST or LAST, FIRST
     * otherwise (a community label cannot be averaged), so by default the value at the earliest timestamp in the
     * interval, as the edge weights of {@link #weights(Graph, Interval)}. No value in the interval: no community.
     */
    public int[][] cover(Column col, Interval interval, List<String> labels) {
        Estimator estimator = col.getEstimator() == Estimator.LAST ? Estimator.LAST : Estimator.FIRST;
        Map<String, Integer> number = new HashMap<>();
        int[][] cover = new int[nodes.length][];
        for (int v = 0; v < nodes.length; v++) {
            Object value = nodes[v].getAttribute(col);
            if (value instanceof TimeMap) value = ((TimeMap<?, ?>) value).get(interval, estimator);
            List<Integer> cs = new ArrayList<>();
            if (value != null) {
                for (String part : value.toString().split("\\|")) {
                    String label = part.trim();
                    if (label.isEmpty()) continue;
                    Integer c = number.get(label);
                    if (c == null) {
                        c = number.size();
                        number.put(label, c);
                        labels.add(label);
                    }
                    if (!cs.contains(c)) cs.add(c);
                }
            }
            cover[v] = cs.stream().mapToInt(Integer::intValue).toArray();
        }
        return cover;
    }
}
