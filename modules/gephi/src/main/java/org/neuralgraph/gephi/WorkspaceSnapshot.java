package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.HashMap;
import java.util.Map;

/**
 * A static Gephi workspace read back into a {@link NeuralGraph} once Gephi has analysed it, so that what Gephi
 * added (degree, clustering, modularity_class, graph metrics) travels with the graph into a
 * {@link org.neuralgraph.core.timeline.GraphTimeline}. Numeric columns become double or int columns (long and
 * float as double), everything else strings; Gephi's own id, label, weight and time-set columns are left out.
 */
public final class WorkspaceSnapshot {

    private WorkspaceSnapshot() { }

    public static NeuralGraph of(GraphModel gm) {
        Graph g = gm.getGraph();
        g.readLock();
        try {
            Node[] nodes = g.getNodes().toArray();
            Edge[] edges = g.getEdges().toArray();
            NeuralGraph.Builder b = new NeuralGraph.Builder(gm.isDirected()).capacity(nodes.length, edges.length);
            Map<Node, Integer> index = new HashMap<>();
            for (Node n : nodes) index.put(n, b.addNode(n.getId().toString(), n.getLabel()));
            for (Edge e : edges) b.addEdge(index.get(e.getSource()), index.get(e.getTarget()), e.getWeight());
            columns(gm.getNodeTable(), nodes).forEach(b::nodeColumn);
            columns(gm.getEdgeTable(), edges).forEach(b::edgeColumn);
            for (String key : g.getAttributeKeys()) {
                Object v = g.getAttribute(key);
                if (v instanceof Float) v = ((Float) v).doubleValue();
                else if (v instanceof Short || v instanceof Byte) v = ((Number) v).intValue();
                else if (!(v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                        || v instanceof Boolean)) v = String.valueOf(v);
                b.graphAttribute(key, v);
            }
            return b.build();
        } finally {
            g.readUnlock();
        }
    }

    private static Map<String, NeuralGraph.Column> columns(Table table, org.gephi.graph.api.Element[] elements) {
        Map<String, NeuralGraph.Column> out = new java.util.LinkedHashMap<>();
        for (Column c : table) {
            if (c.isProperty() || c.isDynamic()) continue; // id, label, weight, timeset
            Class<?> type = c.getTypeClass();
            int n = elements.length;
            if (type == Integer.class || type == Short.class || type == Byte.class) {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    Object x = elements[i].getAttribute(c);
                    v[i] = x == null ? 0 : ((Number) x).intValue();
                }
                out.put(c.getId(), NeuralGraph.Column.ofInts(c.getTitle(), v));
            } else if (Number.class.isAssignableFrom(type)) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    Object x = elements[i].getAttribute(c);
                    v[i] = x == null ? Double.NaN : ((Number) x).doubleValue();
                }
                out.put(c.getId(), NeuralGraph.Column.ofDoubles(c.getTitle(), v));
            } else {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    Object x = elements[i].getAttribute(c);
                    v[i] = x == null ? null : x.toString();
                }
                out.put(c.getId(), NeuralGraph.Column.ofStrings(c.getTitle(), v));
            }
        }
        return out;
    }
}
