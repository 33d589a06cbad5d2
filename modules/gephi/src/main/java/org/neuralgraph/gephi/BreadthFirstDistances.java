package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.statistics.plugin.GraphDistance;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.GraphDistances;

import java.util.HashMap;
import java.util.Map;

/**
 * Gephi's GraphDistance computed by core's {@link GraphDistances} (parallel breadth-first searches, or the closed form of
 * completely connected layers read from the {@code layer} column): the same figures and the same four node columns
 * (Gephi's ids and titles: eccentricity, closeness, harmonic closeness, betweenness), on the visible graph, following
 * edge direction when {@code directed}.
 */
public final class BreadthFirstDistances {

    private BreadthFirstDistances() { }

    public static GraphDistances compute(GraphModel gm, boolean directed, ProgressMonitor monitor) {
        Graph g = directed ? gm.getDirectedGraphVisible() : gm.getUndirectedGraphVisible();
        Node[] nodes;
        GraphDistances d;
        g.readLock();
        try {
            nodes = g.getNodes().toArray();
            Map<Node, Integer> index = new HashMap<>();
            for (int i = 0; i < nodes.length; i++) index.put(nodes[i], i);
            int m = g.getEdgeCount();
            int[] s = new int[m], t = new int[m];
            int e = 0;
            for (Edge edge : g.getEdges()) {
                s[e] = index.get(edge.getSource());
                t[e++] = index.get(edge.getTarget());
            }
            d = GraphDistances.of(nodes.length, java.util.Arrays.copyOf(s, e), java.util.Arrays.copyOf(t, e), directed,
                    layers(gm, nodes), Runtime.getRuntime().availableProcessors(), monitor);
        } finally {
            g.readUnlock();
        }
        Table table = gm.getNodeTable();
        Column ecc = column(table, GraphDistance.ECCENTRICITY, "Eccentricity");
        Column clo = column(table, GraphDistance.CLOSENESS, "Closeness Centrality");
        Column har = column(table, GraphDistance.HARMONIC_CLOSENESS, "Harmonic Closeness Centrality");
        Column bet = column(table, GraphDistance.BETWEENNESS, "Betweenness Centrality");
        gm.getGraph().writeLock();
        try {
            for (int i = 0; i < nodes.length; i++) {
                nodes[i].setAttribute(ecc, d.eccentricity[i]);
                nodes[i].setAttribute(clo, d.closeness[i]);
                nodes[i].setAttribute(har, d.harmonicCloseness[i]);
                nodes[i].setAttribute(bet, d.betweenness[i]);
            }
        } finally {
            gm.getGraph().writeUnlock();
        }
        return d;
    }

    /** The integer {@code layer} column, or null when there is none or a node lacks it. */
    private static int[] layers(GraphModel gm, Node[] nodes) {
        Column c = gm.getNodeTable().getColumn(Names.LAYER);
        if (c == null || !Number.class.isAssignableFrom(c.getTypeClass())) return null;
        int[] layer = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            Object v = nodes[i].getAttribute(c);
            if (!(v instanceof Integer)) return null;
            layer[i] = (Integer) v;
        }
        return layer;
    }

    private static Column column(Table table, String id, String title) {
        Column c = table.getColumn(id);
        if (c != null && c.getTypeClass() != Double.class) {
            table.removeColumn(c);
            c = null;
        }
        return c != null ? c : table.addColumn(id, title, Double.class, 0.0);
    }
}
