package org.neuralgraph.importer;

import org.gephi.io.generator.spi.Generator;
import org.gephi.io.generator.spi.GeneratorUI;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ContainerLoader;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.pipeline.GraphJob;
import org.neuralgraph.gephi.ContainerWriter;
import org.neuralgraph.gephi.TicketTask;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * File &gt; Generate &gt; Neural network graph: trains a preset on MNIST-style data (the shipped sample by default) or
 * opens a shipped model, DL4J model zip, training run, ONNX or Keras .h5 file, and generates one of the registry's graph
 * kinds ({@link org.neuralgraph.pipeline.kind.GraphKinds}) for one checkpoint, every checkpoint, or all of them as one
 * dynamic graph, in a workspace named by kind, model and checkpoint ({@link WorkspaceNames}). What a kind puts beside
 * its graph (the recorded activations of an activation pattern graph, for the activation entropy statistic) goes into
 * the workspace's lookup. Runs as a Gephi LongTask: progress per training
 * batch; Cancel stops it before anything reaches a workspace, and a refusal is a message, after which the dialog opens
 * again ({@link GeneratorEnd}).
 */
@ServiceProvider(service = Generator.class)
public final class NeuralNetworkGenerator extends TicketTask implements Generator {

    private GraphRequest request = GraphRequest.load(NbPreferences.forModule(NeuralNetworkGenerator.class));

    GraphRequest getRequest() { return request; }

    void setRequest(GraphRequest request) {
        this.request = request;
        request.save(NbPreferences.forModule(NeuralNetworkGenerator.class));
    }

    /** Set by the dialog when its values were refused; the next run ends with this message. */
    private volatile String refusal;

    void refuseNextRun(String message) {
        refusal = message;
    }

    @Override
    public void generate(ContainerLoader container) {
        String refused = refusal;
        refusal = null;
        if (refused != null) throw GeneratorEnd.refused(this, refused, null);
        try {
            NeuralGraph g = request.build(progress);
            GraphJob job = request.job;
            if (request.timeline) {
                GraphTimeline timeline = job.timeline(g, progress);
                ContainerWriter.writeTimeline(timeline, job.name() + " timeline", container, progress);
                nameWorkspace(container, WorkspaceNames.timeline(job));
                WorkspaceHandOver.toNextWorkspace(timeline, container, request.graphKind().layoutIterations());
                return;
            }
            List<Object> data = job.workspaceData(progress);
            if (request.otherCheckpoints) importOtherCheckpoints(job);
            ContainerWriter.write(g, request.title(job.builtIndex()), container, progress);
            nameWorkspace(container, WorkspaceNames.of(job, job.builtIndex()));
            WorkspaceHandOver.toNextWorkspace(g.graphAttributes(), data, container, request.graphKind().layoutIterations());
        } catch (CancelledException e) {
            throw GeneratorEnd.cancelled(e);
        } catch (IOException | IllegalArgumentException e) {
            throw GeneratorEnd.refused(this, e.getMessage(), e);
        }
    }

    /**
     * Each checkpoint but the generated one goes into a new workspace of its own, with what its kind puts beside it; a
     * cancel removes the workspaces made so far, so no half-done set is left.
     */
    private void importOtherCheckpoints(GraphJob job) throws IOException {
        List<Workspace> made = new ArrayList<>();
        try {
            for (int i = 0; i < job.run().checkpoints().size(); i++) {
                if (i == job.builtIndex()) continue;
                progress.checkCancelled();
                NeuralGraph other = job.graphOf(i, progress);
                Workspace ws = WorkspaceImporter.importGraph(other, WorkspaceNames.of(job, i), progress);
                made.add(ws);
                for (Object o : job.workspaceData(progress)) ws.add(o);
                WorkspaceHandOver.openFirstView(ws, request.graphKind().layoutIterations());
            }
        } catch (IOException | RuntimeException e) { // including CancelledException
            ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
            for (Workspace w : made) pc.deleteWorkspace(w);
            throw e;
        }
    }

    /**
     * Gephi's generator controller sets the container's source to {@link #getName()} before generating, and its
     * processor names the new workspace after the source; the source is set again here, once the checkpoint is known,
     * so the workspace is named by kind, model and checkpoint ({@link WorkspaceNames}) rather than "Neural network
     * graph". Gephi's loader is its container ({@code ImportContainerImpl}); another loader keeps Gephi's name.
     */
    private static void nameWorkspace(ContainerLoader loader, String name) {
        if (loader instanceof Container) ((Container) loader).setSource(name);
    }

    @Override
    public String getName() {
        return "Neural network graph";
    }

    @Override
    public GeneratorUI getUI() {
        return Lookup.getDefault().lookup(NeuralNetworkGeneratorUI.class);
    }
}
