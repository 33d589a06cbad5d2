package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.neuralgraph.core.stats.UndirectedWeights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gephi graph (its visible view) as the plain arrays the core statistics take: nodes numbered in Gephi's
 * iteration order, edges with their weights, and covers read from a node column.
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
        Graph g = gm.getGraphVisible();
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
                w[e++] = edge.getWeight();
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
     * Community labels are numbered in order of first appearance.
     *
     * @param labels receives the label of each community number
     * @throws IllegalArgumentException when the column does not exist or has another type
     */
    public int[][] cover(GraphModel gm, String columnId, List<String> labels) {
        Column col = gm.getNodeTable().getColumn(columnId);
        if (col == null) throw new IllegalArgumentException("cover column '" + columnId + "': the workspace has no such node column");
        Class<?> type = col.getTypeClass();
        if (!(Number.class.isAssignableFrom(type) || type == String.class)) {
            throw new IllegalArgumentException("cover column '" + columnId + "' has type " + type.getSimpleName() + "; use an integer partition or a string like 3|7");
        }
        Map<String, Integer> number = new HashMap<>();
        int[][] cover = new int[nodes.length][];
        for (int v = 0; v < nodes.length; v++) {
            Object value = nodes[v].getAttribute(col);
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
