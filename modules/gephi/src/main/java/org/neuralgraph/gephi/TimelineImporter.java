package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Configuration;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphFactory;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Origin;
import org.gephi.graph.api.Table;
import org.gephi.graph.api.TimeFormat;
import org.gephi.graph.api.TimeRepresentation;
import org.gephi.graph.api.types.TimestampDoubleMap;
import org.gephi.graph.api.types.TimestampIntegerMap;
import org.gephi.graph.api.types.TimestampLongMap;
import org.gephi.graph.api.types.TimestampStringMap;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.openide.util.Lookup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link GraphTimeline} into one dynamic Gephi workspace, so that Gephi's timeline plays the training:
 * the graph model uses timestamps ({@link TimeRepresentation#TIMESTAMP}, one per checkpoint, as doubles) and
 * dynamic edge weights; every node and edge carries the timestamps of the checkpoints where it exists.
 * Columns whose values change over time become dynamic columns ({@code TimestampDoubleMap} and its kin), the
 * others stay static; graph attributes that change (accuracy, loss, modularity, ...) become dynamic graph
 * attributes. Nodes start at the {@link LayeredPositions} of the {@link GraphTimeline#union() union graph}:
 * positions are not dynamic in Gephi, so one layout serves every checkpoint and nothing jumps while it plays.
 * If the import fails or is cancelled, the new workspace is deleted again.
 */
public final class TimelineImporter {

    private TimelineImporter() { }

    /** Creates a workspace named {@code name} in the current project, fills it and returns it. */
    public static Workspace importTimeline(GraphTimeline timeline, String name, ProgressMonitor monitor) {
        return WorkspaceImporter.newWorkspace(name, ws -> fill(timeline, ws, monitor));
    }

    private static void fill(GraphTimeline t, Workspace ws, ProgressMonitor monitor) {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        makeDynamic(gm);

        int frames = t.frameCount();
        long total = (long) t.nodeCount() + t.edgeCount();
        monitor.start("importing the timeline into Gephi", total);
        List<Map.Entry<String, GraphTimeline.Series>> nodeSeries = new ArrayList<>(t.nodeSeries().entrySet());
        List<Map.Entry<String, GraphTimeline.Series>> edgeSeries = new ArrayList<>(t.edgeSeries().entrySet());
        Column[] nodeCols = addColumns(gm.getNodeTable(), nodeSeries);
        Column[] edgeCols = addColumns(gm.getEdgeTable(), edgeSeries);

        NeuralGraph union = t.union();
        float[][] xy = LayeredPositions.compute(union);
        GraphFactory f = gm.factory();
        Node[] nodes = new Node[t.nodeCount()];
        for (int v = 0; v < nodes.length; v++) {
            Node n = WorkspaceImporter.node(f, t.nodeId(v), t.nodeLabel(v), xy[v]);
            for (int frame = 0; frame < frames; frame++) {
                if (t.nodePresent(frame, v)) n.addTimestamp(t.time(frame));
            }
            setValues(n, nodeCols, nodeSeries, t, v);
            nodes[v] = n;
            if ((v & 0xfff) == 0) WorkspaceImporter.check(monitor, v);
        }
        List<Edge> edges = new ArrayList<>(t.edgeCount());
        for (int e = 0; e < t.edgeCount(); e++) {
            Edge edge = f.newEdge(nodes[t.source(e)], nodes[t.target(e)], 0, t.isDirected());
            for (int frame = 0; frame < frames; frame++) {
                if (!t.edgePresent(frame, e)) continue;
                edge.addTimestamp(t.time(frame));
                edge.setWeight(t.weight(frame, e), t.time(frame));
            }
            setValues(edge, edgeCols, edgeSeries, t, e);
            edges.add(edge);
            if ((e & 0xffff) == 0) WorkspaceImporter.check(monitor, (long) nodes.length + e);
        }
        Graph g = gm.getGraph();
        g.writeLock();
        try {
            g.addAllNodes(Arrays.asList(nodes));
            g.addAllEdges(edges);
            setGraphSeries(g, t);
        } finally {
            g.writeUnlock();
        }
        monitor.progress(total, t.nodeCount() + " nodes, " + t.edgeCount() + " edges over " + frames + " checkpoints");
    }

    /**
     * Configures an empty graph model for a timeline: timestamps (as doubles) and dynamic edge weights, the
     * configuration Gephi's import processor also chooses for a container with a dynamic {@code weight} column.
     */
    public static void makeDynamic(GraphModel gm) {
        Configuration config = new Configuration();
        config.setTimeRepresentation(TimeRepresentation.TIMESTAMP);
        config.setEdgeWeightType(TimestampDoubleMap.class);
        gm.setConfiguration(config);
        gm.setTimeFormat(TimeFormat.DOUBLE);
    }

    /**
     * Sets the timeline's graph series on {@code g}: a series that changes as a dynamic graph attribute (a value per
     * timestamp), a constant one as a plain attribute; and {@link Names#TIMELINE_UNIT}. The model must use timestamps.
     */
    public static void setGraphSeries(Graph g, GraphTimeline t) {
        g.setAttribute(Names.TIMELINE_UNIT, t.timeUnit());
        for (Map.Entry<String, GraphTimeline.Series> a : t.graphSeries().entrySet()) {
            GraphTimeline.Series s = a.getValue();
            if (!s.varies()) {
                g.setAttribute(a.getKey(), s.last(0));
                continue;
            }
            for (int frame = 0; frame < t.frameCount(); frame++) {
                Object value = s.value(frame, 0);
                if (value != null) g.setAttribute(a.getKey(), value, t.time(frame));
            }
        }
    }

    private static void setValues(org.gephi.graph.api.Element element, Column[] cols,
                                  List<Map.Entry<String, GraphTimeline.Series>> series, GraphTimeline t, int index) {
        for (int c = 0; c < cols.length; c++) {
            GraphTimeline.Series s = series.get(c).getValue();
            if (!cols[c].isDynamic()) {
                Object last = s.last(index);
                if (last != null) element.setAttribute(cols[c], last);
                continue;
            }
            for (int frame = 0; frame < t.frameCount(); frame++) {
                Object value = s.value(frame, index);
                if (value != null) element.setAttribute(cols[c], value, t.time(frame));
            }
        }
    }

    /** Non-indexed columns (see {@link WorkspaceImporter}); a column that changes over time gets a dynamic type. */
    private static Column[] addColumns(Table table, List<Map.Entry<String, GraphTimeline.Series>> series) {
        Column[] out = new Column[series.size()];
        for (int i = 0; i < out.length; i++) {
            GraphTimeline.Series s = series.get(i).getValue();
            Class<?> type = s.varies() ? dynamicType(s.type()) : s.type();
            out[i] = table.addColumn(series.get(i).getKey(), s.title(), type, Origin.DATA, null, false);
        }
        return out;
    }

    private static Class<?> dynamicType(Class<?> type) {
        if (type == Double.class) return TimestampDoubleMap.class;
        if (type == Integer.class) return TimestampIntegerMap.class;
        if (type == Long.class) return TimestampLongMap.class;
        return TimestampStringMap.class;
    }
}
