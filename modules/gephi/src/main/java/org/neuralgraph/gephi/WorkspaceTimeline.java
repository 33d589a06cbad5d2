package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.TimeRepresentation;
import org.gephi.graph.api.types.TimestampMap;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.timeline.GraphTimeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A dynamic Gephi workspace read back as a {@link GraphTimeline}, so that any timestamp graph (ours, or a dynamic GEXF
 * from elsewhere) can be animated: one checkpoint per distinct timestamp of its nodes and edges, each with the nodes
 * and edges that carry that timestamp, the edge weight at that timestamp, and the graph attributes' values there.
 * Node and edge columns are not read (the animation draws structure and weights only).
 */
public final class WorkspaceTimeline {

    private WorkspaceTimeline() { }

    /** @throws IllegalArgumentException when the workspace uses intervals or has no timestamps */
    public static GraphTimeline of(GraphModel gm) {
        if (!gm.isDynamic()) {
            throw new IllegalArgumentException("the workspace is not dynamic: it holds one graph, not a timeline (make one with "
                    + "File > Generate, 'all checkpoints as one dynamic graph', or open a dynamic GEXF)");
        }
        if (gm.getConfiguration().getTimeRepresentation() != TimeRepresentation.TIMESTAMP) {
            throw new IllegalArgumentException("the workspace's time is in intervals; a timeline animation needs a graph with "
                    + "timestamps (one per checkpoint), as neuralgraph's timelines and GEXF timerepresentation=\"timestamp\" have");
        }
        Graph g = gm.getGraph();
        g.readLock();
        try {
            TreeSet<Double> times = new TreeSet<>();
            for (Node n : g.getNodes()) for (double t : n.getTimestamps()) times.add(t);
            for (Edge e : g.getEdges()) for (double t : e.getTimestamps()) times.add(t);
            if (times.isEmpty()) throw new IllegalArgumentException("the workspace is not dynamic: no node or edge has a timestamp");
            List<NeuralGraph> graphs = new ArrayList<>();
            for (double t : times) graphs.add(snapshot(g, t));
            Object unit = g.getAttribute(Names.TIMELINE_UNIT);
            return GraphTimeline.of(graphs, times.stream().mapToDouble(Double::doubleValue).toArray(),
                    unit == null ? "time" : unit.toString());
        } finally {
            g.readUnlock();
        }
    }

    private static NeuralGraph snapshot(Graph g, double t) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(g.isDirected());
        Map<Node, Integer> index = new HashMap<>();
        for (Node n : g.getNodes()) {
            if (n.hasTimestamp(t)) index.put(n, b.addNode(n.getId().toString(), n.getLabel()));
        }
        for (Edge e : g.getEdges()) {
            Integer s = index.get(e.getSource()), u = index.get(e.getTarget());
            if (s == null || u == null || !e.hasTimestamp(t)) continue;
            double w = e.hasDynamicWeight() ? e.getWeight(t) : e.getWeight();
            b.addEdge(s, u, Double.isFinite(w) ? Math.abs(w) : 0);
        }
        for (String key : g.getAttributeKeys()) {
            Object v = g.getAttribute(key);
            if (v instanceof TimestampMap) v = g.getAttribute(key, t);
            if (v instanceof Float) v = ((Float) v).doubleValue();
            if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean) {
                b.graphAttribute(key, v);
            }
        }
        return b.build();
    }
}
