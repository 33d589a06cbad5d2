package org.neuralgraph.gephi;

import org.gephi.filters.api.FilterController;
import org.gephi.filters.api.Query;
import org.gephi.filters.spi.FilterBuilder;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewProperties;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.preview.types.EdgeColor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceListener;
import org.neuralgraph.core.graph.Names;
import org.openide.util.Lookup;

import java.util.Locale;

/**
 * How a graph the importer made opens in Gephi Desktop, so that the first picture says something: laid out and styled
 * as the command line lays out and styles its figures ({@link GraphStyle}: nodes by layer, or by community when there is one layer; sizes
 * by strength; edges red or blue by the sign of their weight, opacity by |w| within the layer), Preview set to draw
 * edges in those colours, straight; and a graph of more than {@value #FILTER_ABOVE_EDGES} edges (44,700 opaque edges
 * over layered positions are a solid rectangle) shown through the {@link StrongestWeightsFilter} at
 * {@value #STRONGEST_PERCENT} %, the command line's "-strongest" view, as a filter of the workspace the user sees in the
 * Filters panel and can change or remove.
 */
public final class FirstView {

    /** Above this many edges a workspace opens filtered. */
    public static final int FILTER_ABOVE_EDGES = 20_000;
    /** The share of each layer's edges the opening filter keeps, in percent. */
    public static final double STRONGEST_PERCENT = 2;
    /**
     * {min x, min y, max x, max y} of what Gephi Desktop's camera shows of a new workspace, with a margin, centred on
     * (0, 0): the box of the weight graph of a five-layer MLP in its {@link LayeredPositions}, which opens well framed.
     */
    static final double[] VIEW = {-800, -600, 800, 600};

    private FirstView() { }

    /**
     * {@link #arrange} then {@link #show}.
     *
     * @return what was done, in a sentence for the user, e.g. "Showing the 2 % strongest weights of each layer ..."
     */
    public static String open(Workspace ws, int layoutIterations) {
        arrange(ws, layoutIterations);
        return show(ws);
    }

    /**
     * Lays {@code ws} out ({@code layoutIterations} ForceAtlas2 steps from its layered positions, as the command line
     * does for its kind: {@code GraphKind.layoutIterations}), then moves and scales it into {@link #VIEW} (Gephi Desktop
     * opens a workspace with its camera on (0, 0) at one zoom, whatever the graph: a layout that spreads the graph out
     * showed a corner of it, a feature map's pixel grid from (0, 0) sat off to one side, a small graph was a dot), styles
     * it, and sets its Preview to draw edges in their colours, straight. Takes a while on a large graph: not for Swing's
     * thread.
     */
    public static void arrange(Workspace ws, int layoutIterations) {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        ForceAtlas2Runner.run(gm, layoutIterations, org.neuralgraph.core.progress.ProgressMonitor.NONE);
        fitInto(gm, VIEW);
        style(gm);
        PreviewProperties preview = Lookup.getDefault().lookup(PreviewController.class).getModel(ws).getProperties();
        preview.putValue(PreviewProperty.EDGE_COLOR, new EdgeColor(EdgeColor.Mode.ORIGINAL));
        preview.putValue(PreviewProperty.EDGE_CURVED, false);
        // an activation pattern graph's neurons as pies of their classes: the overlap of Eq. 3-4 (issue 26)
        if (gm.getNodeTable().hasColumn(Names.CLASSES)) PieNodeRenderer.switchOn(ws, Names.CLASSES);
    }

    /**
     * Filters {@code ws} to its strongest weights when it has more than {@value #FILTER_ABOVE_EDGES} edges: now if it is
     * the current workspace, else when it is first selected (Gephi's filters act on the current workspace). For Swing's
     * thread in Gephi Desktop, where the Filters panel changes its model.
     *
     * @return what the first view shows, in a sentence for the user
     */
    public static String show(Workspace ws) {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        int edges = gm.getGraph().getEdgeCount();
        if (edges <= FILTER_ABOVE_EDGES) return "Nodes by " + (coloursByLayer(gm) ? "layer" : "community") + ", edges by the sign of their weight.";
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        if (pc.getCurrentWorkspace() == ws) {
            filterStrongest();
        } else {
            pc.addWorkspaceListener(new FilterWhenSelected(ws));
        }
        return String.format(Locale.ROOT, "Showing the %.0f %% strongest weights of each layer, of %,d edges (Filters panel: '%s'; "
                + "remove it to see every edge).", STRONGEST_PERCENT, edges, StrongestWeightsFilter.NAME);
    }

    /**
     * The command line's styling, on a static or dynamic graph. On a dynamic graph Gephi's Modularity weighs an edge by
     * its weight's average over the timeline (the estimator of the whole-graph view); sizes and edge colours are from
     * the last value over time ({@link StrongestWeights#signed}).
     */
    static void style(GraphModel gm) {
        GraphStyle.colourByLayerOrCommunity(gm);
        GraphStyle.sizeByWeightedDegree(gm);
        GraphStyle.colourEdges(gm);
    }

    /** {min x, min y, max x, max y} of the nodes' positions. */
    private static double[] box(GraphModel gm) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (org.gephi.graph.api.Node n : gm.getGraph().getNodes().toArray()) {
            b[0] = Math.min(b[0], n.x());
            b[1] = Math.min(b[1], n.y());
            b[2] = Math.max(b[2], n.x());
            b[3] = Math.max(b[3], n.y());
        }
        return b;
    }

    /**
     * Moves and scales the positions, keeping their shape, so that they are centred on {@code box} and as large as fits
     * in it (a graph on a line, such as a single layer, fits by its length).
     */
    static void fitInto(GraphModel gm, double[] box) {
        double[] now = box(gm);
        double w = now[2] - now[0], h = now[3] - now[1];
        double scale = Math.min(w > 0 ? (box[2] - box[0]) / w : Double.MAX_VALUE, h > 0 ? (box[3] - box[1]) / h : Double.MAX_VALUE);
        if (scale == Double.MAX_VALUE) return; // one node, or none
        double cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2, nx = (now[0] + now[2]) / 2, ny = (now[1] + now[3]) / 2;
        for (org.gephi.graph.api.Node n : gm.getGraph().getNodes().toArray()) {
            n.setX((float) (cx + (n.x() - nx) * scale));
            n.setY((float) (cy + (n.y() - ny) * scale));
        }
    }

    private static boolean coloursByLayer(GraphModel gm) {
        org.gephi.graph.api.Column layer = gm.getNodeTable().getColumn(Names.LAYER);
        if (layer == null) return false;
        Object first = null;
        // over an array: leaving a graph iteration early would keep its read lock and block Gephi's filters for good
        for (org.gephi.graph.api.Node n : gm.getGraph().getNodes().toArray()) {
            Object v = n.getAttribute(layer);
            if (first == null) first = v;
            else if (!first.equals(v)) return true;
        }
        return false;
    }

    /** Filters the current workspace's visible graph to its strongest weights, with the registered filter builder when there is one. */
    static void filterStrongest() {
        FilterController fc = Lookup.getDefault().lookup(FilterController.class);
        FilterBuilder builder = null;
        for (FilterBuilder b : Lookup.getDefault().lookupAll(FilterBuilder.class)) {
            if (StrongestWeightsFilter.NAME.equals(b.getName())) builder = b;
        }
        Query query = builder != null ? fc.createQuery(builder) : fc.createQuery(new StrongestWeightsFilter(STRONGEST_PERCENT));
        ((StrongestWeightsFilter) query.getFilter()).setPercent(STRONGEST_PERCENT);
        fc.add(query);
        fc.filterVisible(query);
    }

    /** Applies the filter the first time its workspace is selected, then removes itself. */
    private static final class FilterWhenSelected implements WorkspaceListener {
        private final Workspace ws;

        FilterWhenSelected(Workspace ws) { this.ws = ws; }

        @Override
        public void select(Workspace workspace) {
            if (workspace != ws) return;
            Lookup.getDefault().lookup(ProjectController.class).removeWorkspaceListener(this);
            filterStrongest();
        }

        @Override
        public void close(Workspace workspace) {
            if (workspace == ws) Lookup.getDefault().lookup(ProjectController.class).removeWorkspaceListener(this);
        }

        @Override public void initialize(Workspace workspace) { }
        @Override public void unselect(Workspace workspace) { }
        @Override public void disable() { }
    }
}
