package org.neuralgraph.gephi;

import org.gephi.io.importer.api.ColumnDraft;
import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.io.importer.api.EdgeDirection;
import org.gephi.io.importer.api.EdgeDirectionDefault;
import org.gephi.io.importer.api.EdgeDraft;
import org.gephi.io.importer.api.ElementDraft;
import org.gephi.io.importer.api.NodeDraft;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link NeuralGraph} into a Gephi import container, the way Gephi's generators and file importers
 * hand graphs over: Gephi then shows its import report and asks whether to open a new workspace or append.
 * Positions are the {@link LayeredPositions}; graph attributes become the container's metadata description
 * ({@code key=value; ...}), as in our GEXF files.
 */
public final class ContainerWriter {

    private ContainerWriter() { }

    public static void write(NeuralGraph g, String title, ContainerLoader container, ProgressMonitor monitor) {
        container.setEdgeDefault(g.isDirected() ? EdgeDirectionDefault.DIRECTED : EdgeDirectionDefault.UNDIRECTED);
        container.setAutoScale(false);
        container.setAllowSelfLoop(true);
        monitor.start("writing graph", (long) g.nodeCount() + g.edgeCount());
        List<String> nodeKeys = new ArrayList<>(g.nodeColumns().keySet());
        List<String> edgeKeys = new ArrayList<>(g.edgeColumns().keySet());
        for (String k : nodeKeys) {
            ColumnDraft c = container.addNodeColumn(k, g.nodeColumns().get(k).type());
            c.setTitle(g.nodeColumns().get(k).title());
        }
        for (String k : edgeKeys) {
            ColumnDraft c = container.addEdgeColumn(k, g.edgeColumns().get(k).type());
            c.setTitle(g.edgeColumns().get(k).title());
        }
        float[][] xy = LayeredPositions.compute(g);
        NodeDraft[] nodes = new NodeDraft[g.nodeCount()];
        for (int i = 0; i < nodes.length; i++) {
            NodeDraft n = container.factory().newNodeDraft(g.nodeId(i));
            n.setLabel(g.nodeLabel(i));
            n.setX(xy[i][0]);
            n.setY(xy[i][1]);
            n.setSize(10f);
            setValues(n, g.nodeColumns(), nodeKeys, i);
            container.addNode(n);
            nodes[i] = n;
            if ((i & 0xfff) == 0) { monitor.checkCancelled(); monitor.progress(i, null); }
        }
        EdgeDirection dir = g.isDirected() ? EdgeDirection.DIRECTED : EdgeDirection.UNDIRECTED;
        for (int e = 0; e < g.edgeCount(); e++) {
            EdgeDraft d = container.factory().newEdgeDraft();
            d.setSource(nodes[g.source(e)]);
            d.setTarget(nodes[g.target(e)]);
            d.setWeight(g.weight(e));
            d.setDirection(dir);
            setValues(d, g.edgeColumns(), edgeKeys, e);
            container.addEdge(d);
            if ((e & 0xffff) == 0) { monitor.checkCancelled(); monitor.progress((long) nodes.length + e, null); }
        }
        StringBuilder description = new StringBuilder();
        for (Map.Entry<String, Object> a : new TreeMap<>(g.graphAttributes()).entrySet()) {
            if (description.length() > 0) description.append("; ");
            description.append(a.getKey()).append('=').append(a.getValue());
        }
        container.setMetadata(org.gephi.io.importer.api.MetadataDraft.builder().title(title).description(description.toString()).build());
        monitor.progress((long) g.nodeCount() + g.edgeCount(), null);
    }

    private static void setValues(ElementDraft d, Map<String, NeuralGraph.Column> cols, List<String> keys, int i) {
        for (String k : keys) {
            Object v = cols.get(k).get(i);
            if (v instanceof Double && ((Double) v).isNaN()) continue; // Gephi shows a missing value
            d.setValue(k, v);
        }
    }
}
