package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphFactory;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Origin;
import org.gephi.graph.api.Table;
import org.gephi.project.api.Project;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.openide.util.Lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link NeuralGraph} into a new Gephi workspace: its node and edge columns become Data Laboratory
 * columns, its graph attributes Gephi graph attributes, and nodes start at {@link LayeredPositions}.
 * Columns are added non-indexed: the indexed form doubled insertion time on a 668,672-edge graph.
 * If the import fails or is cancelled, the new workspace is deleted again.
 */
public final class WorkspaceImporter {

    private WorkspaceImporter() { }

    /**
     * Creates a workspace named {@code name} in the current project (a new project if none is open), fills it
     * and returns it; the previously current workspace stays current.
     */
    public static Workspace importGraph(NeuralGraph graph, String name, ProgressMonitor monitor) {
        return newWorkspace(name, ws -> fill(graph, ws, monitor));
    }

    /**
     * Creates a workspace named {@code name} (reusing the empty one a new project starts with), lets
     * {@code filler} fill it and returns it; deletes it again when {@code filler} fails or is cancelled.
     */
    static Workspace newWorkspace(String name, java.util.function.Consumer<Workspace> filler) {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        Project project = pc.getCurrentProject();
        if (project == null) {
            pc.newProject();
            project = pc.getCurrentProject();
        }
        Workspace current = pc.getCurrentWorkspace();
        Workspace ws;
        if (current != null && isEmpty(current) && current.getLookup().lookup(Marker.class) == null) {
            ws = current; // the empty workspace a new project starts with
        } else {
            ws = pc.newWorkspace(project);
        }
        ws.add(new Marker());
        pc.renameWorkspace(ws, name);
        try {
            filler.accept(ws);
            return ws;
        } catch (RuntimeException | Error e) {
            pc.deleteWorkspace(ws);
            throw e;
        }
    }

    /** Marks workspaces made by neuralgraph (so the first empty one is reused only once). */
    static final class Marker { }

    private static boolean isEmpty(Workspace ws) {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        return gm.getGraph().getNodeCount() == 0;
    }

    private static void fill(NeuralGraph g, Workspace ws, ProgressMonitor monitor) {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        long total = (long) g.nodeCount() + g.edgeCount();
        monitor.start("importing into Gephi", total);
        Column[] nodeCols = addColumns(gm.getNodeTable(), g.nodeColumns());
        Column[] edgeCols = addColumns(gm.getEdgeTable(), g.edgeColumns());
        List<NeuralGraph.Column> nodeVals = new ArrayList<>(g.nodeColumns().values());
        List<NeuralGraph.Column> edgeVals = new ArrayList<>(g.edgeColumns().values());

        float[][] xy = LayeredPositions.compute(g);
        GraphFactory f = gm.factory();
        Node[] nodes = new Node[g.nodeCount()];
        for (int i = 0; i < nodes.length; i++) {
            Node n = node(f, g.nodeId(i), g.nodeLabel(i), xy[i]);
            for (int c = 0; c < nodeCols.length; c++) n.setAttribute(nodeCols[c], nodeVals.get(c).get(i));
            nodes[i] = n;
            if ((i & 0xfff) == 0) check(monitor, i);
        }
        List<Edge> edges = new ArrayList<>(g.edgeCount());
        boolean directed = g.isDirected();
        for (int e = 0; e < g.edgeCount(); e++) {
            Edge edge = f.newEdge(nodes[g.source(e)], nodes[g.target(e)], 0, g.weight(e), directed);
            for (int c = 0; c < edgeCols.length; c++) edge.setAttribute(edgeCols[c], edgeVals.get(c).get(e));
            edges.add(edge);
            if ((e & 0xffff) == 0) check(monitor, (long) nodes.length + e);
        }
        gm.getGraph().writeLock();
        try {
            gm.getGraph().addAllNodes(java.util.Arrays.asList(nodes));
            gm.getGraph().addAllEdges(edges);
            for (Map.Entry<String, Object> a : g.graphAttributes().entrySet()) gm.getGraph().setAttribute(a.getKey(), a.getValue());
        } finally {
            gm.getGraph().writeUnlock();
        }
        monitor.progress(total, g.nodeCount() + " nodes, " + g.edgeCount() + " edges");
    }

    /** A new node at its start position, size 10. */
    static Node node(GraphFactory f, String id, String label, float[] xy) {
        Node n = f.newNode(id);
        n.setLabel(label);
        n.setX(xy[0]);
        n.setY(xy[1]);
        n.setSize(10f);
        return n;
    }

    static void check(ProgressMonitor monitor, long done) {
        monitor.checkCancelled();
        monitor.progress(done, null);
    }

    private static Column[] addColumns(Table table, Map<String, NeuralGraph.Column> cols) {
        Column[] out = new Column[cols.size()];
        int i = 0;
        for (Map.Entry<String, NeuralGraph.Column> c : cols.entrySet()) {
            Column existing = table.getColumn(c.getKey());
            out[i++] = existing != null ? existing
                    : table.addColumn(c.getKey(), c.getValue().title(), c.getValue().type(), Origin.DATA, null, false);
        }
        return out;
    }
}
