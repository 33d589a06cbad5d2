package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.openide.util.Lookup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Gephi project a study works in: workspaces made from core graphs, graph files Gephi opens, the project saved as
 * a {@code .gephi} file. Gephi's controllers are found here (and in the other classes of this module), so the code
 * above this module never looks them up itself.
 */
public final class GephiProject {

    private final ProjectController projects;
    private final GraphController graphs;

    private GephiProject() {
        this.projects = Lookup.getDefault().lookup(ProjectController.class);
        this.graphs = Lookup.getDefault().lookup(GraphController.class);
    }

    /** Closes the project that is open, if any, and opens a new, empty one. */
    public static GephiProject fresh() {
        GephiProject p = new GephiProject();
        p.projects.closeCurrentProject();
        p.projects.newProject();
        return p;
    }

    /** A new workspace named {@code name} holding {@code graph} ({@link WorkspaceImporter}). */
    public Workspace importGraph(NeuralGraph graph, String name, ProgressMonitor monitor) {
        return WorkspaceImporter.importGraph(graph, name, monitor);
    }

    /** A new dynamic workspace holding {@code timeline} ({@link TimelineImporter}). */
    public Workspace importTimeline(GraphTimeline timeline, String name, ProgressMonitor monitor) {
        return TimelineImporter.importTimeline(timeline, name, monitor);
    }

    /**
     * A graph file (GEXF, GraphML, ...) read by Gephi's importers into the current workspace ({@link GraphFileImport}:
     * XML checked first, Gephi's dropped parts refused, the nodes it invented listed).
     *
     * @throws IOException naming the file when it does not exist, Gephi has no importer for it, or it is refused
     */
    public GraphFileImport openFile(Path file) throws IOException {
        return GraphFileImport.read(file, projects.getCurrentWorkspace());
    }

    /** The graph model of one of this project's workspaces. */
    public GraphModel graphModel(Workspace ws) {
        return graphs.getGraphModel(ws);
    }

    /** Removes a workspace (one kept only as a file). */
    public void delete(Workspace ws) {
        projects.deleteWorkspace(ws);
    }

    /** Saves every workspace into one {@code .gephi} file ({@link ProjectFile}). */
    public void save(Path file) throws IOException {
        ProjectFile.save(projects.getCurrentProject(), file);
    }
}
