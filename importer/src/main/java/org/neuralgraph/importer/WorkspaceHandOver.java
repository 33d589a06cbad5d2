package org.neuralgraph.importer;

import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceListener;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.neuralgraph.gephi.TimelineImporter;
import org.openide.util.Lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the workspace Gephi opens for a generated graph what a container cannot carry: the graph attributes
 * (checkpoint, epoch, accuracy, seed, beta_eff, ...; a container has only a title and a description) and what the graph
 * kind puts into the workspace's lookup (an activation pattern graph's recorded activations). A generator only fills a container; Gephi's processor then opens
 * a new workspace for it on the same thread ({@code openNewWorkspace}), so the next workspace initialised after
 * {@link #toNextWorkspace} is the generated graph's. The listener removes itself after that one workspace.
 */
final class WorkspaceHandOver implements WorkspaceListener {

    private final Map<String, Object> graphAttributes;
    private final List<Object> data;
    private final GraphTimeline timeline;

    private WorkspaceHandOver(Map<String, Object> graphAttributes, List<Object> data, GraphTimeline timeline) {
        this.graphAttributes = new LinkedHashMap<>(graphAttributes);
        this.data = data;
        this.timeline = timeline;
    }

    /** @param data what goes into the workspace's lookup (may be empty) */
    static void toNextWorkspace(Map<String, Object> graphAttributes, List<Object> data) {
        Lookup.getDefault().lookup(ProjectController.class).addWorkspaceListener(new WorkspaceHandOver(graphAttributes, data, null));
    }

    /** For a generated timeline: its graph series (accuracy, loss, ...) become dynamic graph attributes. */
    static void toNextWorkspace(GraphTimeline timeline) {
        Lookup.getDefault().lookup(ProjectController.class).addWorkspaceListener(new WorkspaceHandOver(Map.of(), List.of(), timeline));
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
    }

    @Override public void select(Workspace workspace) { }
    @Override public void unselect(Workspace workspace) { }
    @Override public void close(Workspace workspace) { }
    @Override public void disable() { }
}
