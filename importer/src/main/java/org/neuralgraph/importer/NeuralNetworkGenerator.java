package org.neuralgraph.importer;

import org.gephi.io.generator.spi.Generator;
import org.gephi.io.generator.spi.GeneratorUI;
import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.utils.longtask.spi.LongTask;
import org.gephi.utils.progress.ProgressTicket;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.gephi.ContainerWriter;
import org.neuralgraph.gephi.TicketProgress;
import org.openide.util.Lookup;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

import java.io.IOException;

/**
 * File &gt; Generate &gt; Neural network graph: trains a preset on MNIST-style data (the shipped sample by
 * default) or opens a DL4J model zip or training run, and generates the weight graph of one checkpoint.
 * Runs as a Gephi LongTask: progress per training batch, and Cancel stops it before anything reaches a
 * workspace (Gephi only builds the workspace from a finished container).
 */
@ServiceProvider(service = Generator.class)
public final class NeuralNetworkGenerator implements Generator, LongTask {

    private WeightGraphRequest request = WeightGraphRequest.load(NbPreferences.forModule(NeuralNetworkGenerator.class));
    private final TicketProgress progress = new TicketProgress();

    WeightGraphRequest getRequest() { return request; }

    void setRequest(WeightGraphRequest request) {
        this.request = request;
        request.save(NbPreferences.forModule(NeuralNetworkGenerator.class));
    }

    @Override
    public void generate(ContainerLoader container) {
        try {
            NeuralGraph g = request.build(progress);
            ContainerWriter.write(g, request.title(), container, progress);
        } catch (CancelledException e) {
            // Gephi discards the container of a cancelled task
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Neural network graph: " + e.getMessage(), e);
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

    @Override
    public boolean cancel() {
        progress.cancel();
        return true;
    }

    @Override
    public void setProgressTicket(ProgressTicket progressTicket) {
        progress.setTicket(progressTicket);
    }
}
