package org.neuralgraph.importer;

import org.gephi.io.generator.spi.Generator;
import org.gephi.io.generator.spi.GeneratorUI;
import org.gephi.io.importer.api.ContainerLoader;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.gephi.RecordedActivations;
import org.neuralgraph.gephi.ContainerWriter;
import org.neuralgraph.gephi.TicketTask;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

import java.io.IOException;

/**
 * File &gt; Generate &gt; Neural network graph: trains a preset on MNIST-style data (the shipped sample by
 * default) or opens a DL4J model zip, training run, ONNX or Keras .h5 file, and generates the weight graph or the activation pattern
 * graph (seed 001) of one checkpoint. For activation pattern graphs the recorded activations go with the
 * workspace ({@link RecordedActivations}), so that the activation entropy statistic can run on it.
 * Runs as a Gephi LongTask: progress per training batch, and Cancel stops it before anything reaches a
 * workspace (Gephi only builds the workspace from a finished container).
 */
@ServiceProvider(service = Generator.class)
public final class NeuralNetworkGenerator extends TicketTask implements Generator {

    private GraphRequest request = GraphRequest.load(NbPreferences.forModule(NeuralNetworkGenerator.class));

    GraphRequest getRequest() { return request; }

    void setRequest(GraphRequest request) {
        this.request = request;
        request.save(NbPreferences.forModule(NeuralNetworkGenerator.class));
    }

    @Override
    public void generate(ContainerLoader container) {
        try {
            NeuralGraph g = request.build(progress);
            RecordedActivations recorded = request.recorded;
            if (request.timeline) {
                GraphTimeline timeline = timeline(g);
                ContainerWriter.writeTimeline(timeline, request.kindName() + " timeline", container, progress);
                WorkspaceHandOver.toNextWorkspace(timeline);
                return;
            }
            if (request.otherCheckpoints) importOtherCheckpoints();
            ContainerWriter.write(g, request.title(request.builtIndex), container, progress);
            WorkspaceHandOver.toNextWorkspace(g.graphAttributes(), recorded);
        } catch (CancelledException e) {
            // Gephi discards the container of a cancelled task
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Neural network graph: " + e.getMessage(), e);
        }
    }

    /**
     * Every checkpoint's graph (the generated one is {@code built}) merged into one {@link GraphTimeline}. The activations
     * recorded for the entropy statistic belong to one checkpoint, so a timeline carries none.
     */
    private GraphTimeline timeline(NeuralGraph built) throws IOException {
        int n = request.run.checkpoints().size();
        java.util.List<NeuralGraph> graphs = new java.util.ArrayList<>();
        int[] epochs = new int[n];
        for (int i = 0; i < n; i++) {
            progress.checkCancelled();
            graphs.add(i == request.builtIndex ? built : request.graphOf(i, progress));
            epochs[i] = request.run.checkpoints().get(i).epoch();
        }
        return GraphTimeline.ofCheckpoints(graphs, epochs);
    }

    /**
     * Each checkpoint but the generated one goes into a new workspace of its own; a cancel removes the
     * workspaces made so far, so no half-done set is left.
     */
    private void importOtherCheckpoints() throws IOException {
        java.util.List<Workspace> made = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < request.run.checkpoints().size(); i++) {
                if (i == request.builtIndex) continue;
                progress.checkCancelled();
                NeuralGraph other = request.graphOf(i, progress);
                Workspace ws = WorkspaceImporter.importGraph(other, request.title(i), progress);
                made.add(ws);
                if (request.recorded != null) ws.add(request.recorded);
            }
        } catch (IOException | RuntimeException e) { // including CancelledException
            ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
            for (Workspace w : made) pc.deleteWorkspace(w);
            throw e;
        }
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
