package org.neuralgraph.importer;

import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceInformation;
import org.gephi.project.api.WorkspaceListener;
import org.openide.util.Lookup;

import java.awt.EventQueue;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

/**
 * Names the workspace of File &gt; Open of a model file by {@link WorkspaceNames} rather than by the file. An importer
 * cannot name it: Gephi sets the container's source to the file's name after the importer ran, and its processor
 * renames the new workspace to that source after opening it. So this waits for the next workspace that opens, then
 * for its rename, and renames it again. Only a workspace whose metadata title is {@code name} is renamed: the
 * processor copies it from the container ({@code ContainerWriter} writes it), so a workspace that holds another import
 * (the user cancelled this one, or appended it to an open workspace) keeps its name. The rename waits for the event
 * queue, as Gephi's workspace information may not be changed while it tells its listeners.
 */
final class OpenedWorkspaceName implements WorkspaceListener, PropertyChangeListener {

    private final String name;
    private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    private Workspace workspace;

    private OpenedWorkspaceName(String name) {
        this.name = name;
    }

    /** The next workspace opened, when it holds the container titled {@code name}, is named {@code name}. */
    static void toNextWorkspace(String name) {
        Lookup.getDefault().lookup(ProjectController.class).addWorkspaceListener(new OpenedWorkspaceName(name));
    }

    @Override
    public void initialize(Workspace ws) {
        Lookup.getDefault().lookup(ProjectController.class).removeWorkspaceListener(this);
        workspace = ws;
        ws.getLookup().lookup(WorkspaceInformation.class).addChangeListener(this);
    }

    @Override
    public void propertyChange(PropertyChangeEvent e) {
        // acts on the first rename only, then stays registered but inert: removing it here or on the event queue while
        // the processor's thread still walks the listener list threw ConcurrentModificationException (seen in CI)
        if (!WorkspaceInformation.EVENT_RENAME.equals(e.getPropertyName()) || done.getAndSet(true)) return;
        boolean ours = name.equals(workspace.getWorkspaceMetadata().getTitle()) && !name.equals(e.getNewValue());
        if (ours) EventQueue.invokeLater(() -> Lookup.getDefault().lookup(ProjectController.class).renameWorkspace(workspace, name));
    }

    @Override public void select(Workspace workspace) { }
    @Override public void unselect(Workspace workspace) { }
    @Override public void close(Workspace workspace) { }
    @Override public void disable() { }
}
