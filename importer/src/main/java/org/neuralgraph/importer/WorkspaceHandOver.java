package org.neuralgraph.importer;

import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.io.importer.api.ContainerUnloader;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceListener;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.neuralgraph.gephi.FirstView;
import org.neuralgraph.gephi.TimelineImporter;
import org.openide.awt.NotificationDisplayer;
import org.openide.util.Lookup;

import javax.swing.ImageIcon;
import javax.swing.SwingUtilities;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the workspace Gephi opens for a generated graph what a container cannot carry: the graph attributes
 * (checkpoint, epoch, accuracy, seed, beta_eff, ...; a container has only a title and a description), what the graph
 * kind puts into the workspace's lookup (an activation pattern graph's recorded activations), and, once Gephi has filled
 * it, its first view ({@link FirstView}: styled as the command line styles it, large graphs through a filter of their
 * strongest weights), said to the user in a notification. A generator only fills a container; Gephi's processor then
 * opens a new workspace for it on the same thread ({@code openNewWorkspace}), so the next workspace initialised after
 * {@link #toNextWorkspace} is the generated graph's; the processor fills it after this listener has run, so the first
 * view waits, on a thread of its own, until the workspace holds the container's nodes and edges. The listener removes
 * itself after that one workspace.
 */
final class WorkspaceHandOver implements WorkspaceListener {

    private static final Logger LOG = Logger.getLogger(WorkspaceHandOver.class.getName());
    /** How long the first view waits for Gephi to fill the workspace. */
    private static final long FILL_TIMEOUT_MS = 10 * 60 * 1000;

    private final Map<String, Object> graphAttributes;
    private final List<Object> data;
    private final GraphTimeline timeline;
    private final int nodes;
    private final int edges;
    private final int layoutIterations;

    private WorkspaceHandOver(Map<String, Object> graphAttributes, List<Object> data, GraphTimeline timeline, ContainerLoader filled,
                              int layoutIterations) {
        this.graphAttributes = new LinkedHashMap<>(graphAttributes);
        this.data = data;
        this.timeline = timeline;
        ContainerUnloader counts = filled instanceof ContainerUnloader ? (ContainerUnloader) filled : null;
        this.nodes = counts == null ? -1 : counts.getNodeCount();
        this.edges = counts == null ? -1 : counts.getEdgeCount();
        this.layoutIterations = layoutIterations;
    }

    /**
     * @param data             what goes into the workspace's lookup (may be empty)
     * @param filled           the container, already written: the workspace is complete when it holds as many nodes and edges
     * @param layoutIterations the ForceAtlas2 steps of the first view (the kind's, {@code GraphKind.layoutIterations})
     */
    static void toNextWorkspace(Map<String, Object> graphAttributes, List<Object> data, ContainerLoader filled, int layoutIterations) {
        Lookup.getDefault().lookup(ProjectController.class).addWorkspaceListener(new WorkspaceHandOver(graphAttributes, data, null, filled, layoutIterations));
    }

    /** For a generated timeline: its graph series (accuracy, loss, ...) become dynamic graph attributes. */
    static void toNextWorkspace(GraphTimeline timeline, ContainerLoader filled, int layoutIterations) {
        Lookup.getDefault().lookup(ProjectController.class).addWorkspaceListener(new WorkspaceHandOver(Map.of(), List.of(), timeline, filled, layoutIterations));
    }

    /** The first view of a workspace the importer filled itself (the other checkpoints' workspaces). */
    static void openFirstView(Workspace ws, int layoutIterations) {
        tell(FirstView.open(ws, layoutIterations));
    }

    @Override
    public void initialize(Workspace workspace) {
        Lookup.getDefault().lookup(ProjectController.class).removeWorkspaceListener(this);
        for (Object o : data) workspace.add(o);
        Graph graph = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace).getGraph();
        graphAttributes.forEach(graph::setAttribute);
        if (timeline != null) {
            // Gephi's processor configures the model only after this listener has run, and refuses to once the graph has
            // attributes: configure it here as the processor would for the timeline's container, then add the series
            TimelineImporter.makeDynamic(Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace));
            TimelineImporter.setGraphSeries(graph, timeline);
        }
        if (nodes >= 0) {
            Thread t = new Thread(() -> firstViewWhenFilled(workspace), "neuralgraph first view");
            t.setDaemon(true);
            t.start();
        }
    }

    private void firstViewWhenFilled(Workspace workspace) {
        long deadline = System.currentTimeMillis() + FILL_TIMEOUT_MS;
        GraphController gc = Lookup.getDefault().lookup(GraphController.class);
        try {
            // the graph is asked for afresh each time: the processor may configure the model (a new store) before filling
            // it; a workspace is closed until the processor opens it, so only a deleted one (invalid) ends the wait
            while (gc.getGraphModel(workspace).getGraph().getNodeCount() < nodes || gc.getGraphModel(workspace).getGraph().getEdgeCount() < edges) {
                if (workspace.isInvalid() || System.currentTimeMillis() > deadline) return;
                Thread.sleep(100);
            }
            FirstView.arrange(workspace, layoutIterations);
            // the filter on Swing's thread, where Gephi's own Filters panel changes its model
            String[] said = new String[1];
            SwingUtilities.invokeAndWait(() -> said[0] = FirstView.show(workspace));
            tell(said[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            LOG.log(Level.WARNING, "neuralgraph: the generated workspace keeps Gephi's default style: " + cause, cause);
        }
    }

    private static void tell(String what) {
        LOG.info(what);
        try {
            NotificationDisplayer.getDefault().notify("Neural network graph", new ImageIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB)), what, null);
        } catch (RuntimeException e) {
            // no notification area (a headless platform): the log line says it
        }
    }

    @Override public void select(Workspace workspace) { }
    @Override public void unselect(Workspace workspace) { }
    @Override public void close(Workspace workspace) { }
    @Override public void disable() { }
}
