package org.neuralgraph.importer;

import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceListener;
import org.neuralgraph.gephi.RecordedActivations;
import org.openide.util.Lookup;

/**
 * Gives recorded activations to the workspace Gephi opens for a generated graph. A generator only fills a
 * container; Gephi's processor then opens a new workspace for it on the same thread ({@code openNewWorkspace}),
 * so the next workspace initialised after {@link #toNextWorkspace} is the generated graph's. The listener removes
 * itself after that one workspace.
 */
final class ActivationsHandOver implements WorkspaceListener {

    private final RecordedActivations activations;

    private ActivationsHandOver(RecordedActivations activations) {
        this.activations = activations;
    }

    static void toNextWorkspace(RecordedActivations activations) {
        Lookup.getDefault().lookup(ProjectController.class).addWorkspaceListener(new ActivationsHandOver(activations));
    }

    @Override
    public void initialize(Workspace workspace) {
        workspace.add(activations);
        Lookup.getDefault().lookup(ProjectController.class).removeWorkspaceListener(this);
    }

    @Override public void select(Workspace workspace) { }
    @Override public void unselect(Workspace workspace) { }
    @Override public void close(Workspace workspace) { }
    @Override public void disable() { }
}
