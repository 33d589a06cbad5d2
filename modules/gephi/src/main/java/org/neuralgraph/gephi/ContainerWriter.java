package org.neuralgraph.gephi;

import org.gephi.io.importer.api.ColumnDraft;
import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.io.importer.api.EdgeDirection;
import org.gephi.io.importer.api.EdgeDirectionDefault;
import org.gephi.io.importer.api.EdgeDraft;
import org.gephi.io.importer.api.ElementDraft;
import org.gephi.io.importer.api.NodeDraft;
import org.gephi.graph.api.TimeRepresentation;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.timeline.GraphTimeline;
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
            NodeDraft n = node(container, g.nodeId(i), g.nodeLabel(i), xy[i]);
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

    /**
     * Writes a whole {@link GraphTimeline} into the container as one dynamic graph, as Gephi's GEXF importer does
     * for {@code timerepresentation="timestamp"}: every node and edge gets the timestamps of the checkpoints where it
     * exists, the edge weight and every column that changes get a value per timestamp (dynamic columns), and the
     * graph series go into the metadata description. Positions are the {@link LayeredPositions} of the union graph,
     * one layout for every checkpoint, so that nothing jumps while Gephi's timeline plays.
     */
    public static void writeTimeline(GraphTimeline t, String title, ContainerLoader container, ProgressMonitor monitor) {
        container.setTimeRepresentation(TimeRepresentation.TIMESTAMP);
        container.setEdgeDefault(t.isDirected() ? EdgeDirectionDefault.DIRECTED : EdgeDirectionDefault.UNDIRECTED);
        container.setAutoScale(false);
        container.setAllowSelfLoop(true);
        monitor.start("writing the timeline", (long) t.nodeCount() + t.edgeCount());
        for (Map.Entry<String, GraphTimeline.Series> c : t.nodeSeries().entrySet()) {
            container.addNodeColumn(c.getKey(), c.getValue().type(), c.getValue().varies()).setTitle(c.getValue().title());
        }
        for (Map.Entry<String, GraphTimeline.Series> c : t.edgeSeries().entrySet()) {
            container.addEdgeColumn(c.getKey(), c.getValue().type(), c.getValue().varies()).setTitle(c.getValue().title());
        }
        container.addEdgeColumn("weight", Double.class, true);
        float[][] xy = LayeredPositions.compute(t.union());
        NodeDraft[] nodes = new NodeDraft[t.nodeCount()];
        for (int v = 0; v < nodes.length; v++) {
            NodeDraft n = node(container, t.nodeId(v), t.nodeLabel(v), xy[v]);
            for (int f = 0; f < t.frameCount(); f++) {
                if (t.nodePresent(f, v)) n.addTimestamp(t.time(f));
            }
            setTimedValues(n, t.nodeSeries(), t, v);
            container.addNode(n);
            nodes[v] = n;
            if ((v & 0xfff) == 0) { monitor.checkCancelled(); monitor.progress(v, null); }
        }
        EdgeDirection dir = t.isDirected() ? EdgeDirection.DIRECTED : EdgeDirection.UNDIRECTED;
        for (int e = 0; e < t.edgeCount(); e++) {
            EdgeDraft d = container.factory().newEdgeDraft();
            d.setSource(nodes[t.source(e)]);
            d.setTarget(nodes[t.target(e)]);
            d.setDirection(dir);
            for (int f = 0; f < t.frameCount(); f++) {
                if (!t.edgePresent(f, e)) continue;
                d.addTimestamp(t.time(f));
                d.setValue("weight", t.weight(f, e), t.time(f));
            }
            setTimedValues(d, t.edgeSeries(), t, e);
            container.addEdge(d);
            if ((e & 0xffff) == 0) { monitor.checkCancelled(); monitor.progress((long) nodes.length + e, null); }
        }
        StringBuilder description = new StringBuilder("timeline_unit=" + t.timeUnit());
        for (Map.Entry<String, GraphTimeline.Series> a : new TreeMap<>(t.graphSeries()).entrySet()) {
            description.append("; ").append(a.getKey()).append('=');
            if (!a.getValue().varies()) {
                description.append(a.getValue().last(0));
                continue;
            }
            StringBuilder series = new StringBuilder();
            for (int f = 0; f < t.frameCount(); f++) {
                Object v = a.getValue().value(f, 0);
                if (v != null) series.append(series.length() == 0 ? "" : ", ").append(t.time(f)).append(':').append(v);
            }
            description.append('[').append(series).append(']');
        }
        container.setMetadata(org.gephi.io.importer.api.MetadataDraft.builder().title(title).description(description.toString()).build());
        monitor.progress((long) t.nodeCount() + t.edgeCount(), null);
    }

    private static NodeDraft node(ContainerLoader container, String id, String label, float[] xy) {
        NodeDraft n = container.factory().newNodeDraft(id);
        n.setLabel(label);
        n.setX(xy[0]);
        n.setY(xy[1]);
        n.setSize(10f);
        return n;
    }

    private static void setTimedValues(ElementDraft d, Map<String, GraphTimeline.Series> series, GraphTimeline t, int i) {
        for (Map.Entry<String, GraphTimeline.Series> c : series.entrySet()) {
            GraphTimeline.Series s = c.getValue();
            if (!s.varies()) {
                if (s.last(i) != null) d.setValue(c.getKey(), s.last(i));
                continue;
            }
            for (int f = 0; f < t.frameCount(); f++) {
                if (s.value(f, i) != null) d.setValue(c.getKey(), s.value(f, i), t.time(f));
            }
        }
    }

    private static void setValues(ElementDraft d, Map<String, NeuralGraph.Column> cols, List<String> keys, int i) {
        for (String k : keys) {
            Object v = cols.get(k).get(i);
            if (v instanceof Double && ((Double) v).isNaN()) continue; // Gephi shows a missing value
            d.setValue(k, v);
        }
    }
}
