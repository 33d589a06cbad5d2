package org.neuralgraph.importer;

import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.importer.spi.FileImporter;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.gephi.ContainerWriter;
import org.neuralgraph.gephi.TicketTask;

import java.io.File;
import java.io.IOException;
import java.io.Reader;

/**
 * File &gt; Open of a model file (a DL4J model zip, {@link Dl4jModelImporterBuilder}; an ONNX or Keras .h5 file,
 * {@link ForeignModelImporterBuilder}): the graph kind chosen in Gephi's import settings ({@link ModelFileImporterUI};
 * the weight graph by default, every weight an edge), built by the same {@link GraphRequest} as File &gt; Generate with
 * its defaults (the shipped MNIST sample as data for the kinds that run the network). A training run, other data and
 * every parameter are in File &gt; Generate.
 */
public final class ModelFileImporter extends TicketTask implements FileImporter, FileImporter.FileAware {

    private final Report report = new Report();
    private ContainerLoader container;
    private File file;
    private GraphRequest.Kind kind = GraphRequest.Kind.WEIGHTS;
    private int layer = 1;

    GraphRequest.Kind getKind() { return kind; }
    void setKind(GraphRequest.Kind kind) { this.kind = kind; }
    int getLayer() { return layer; }
    void setLayer(int layer) { this.layer = layer; }

    @Override
    public void setFile(File file) {
        // For a .zip Gephi passes a copy of the archive's first entry, not the model: the builder's path wins.
        if (file != null && this.file == null) this.file = file;
    }

    /** The model file the builder recognised (see {@link Dl4jModelImporterBuilder}). */
    void setModelFile(File model) {
        this.file = model;
    }

    @Override
    public void setReader(Reader reader) {
        // a model file is binary: Gephi hands it over through setFile
    }

    @Override
    public boolean execute(ContainerLoader loader) {
        this.container = loader;
        if (file == null) {
            report.logIssue(new Issue("No model file was given", Issue.Level.CRITICAL));
            return false;
        }
        GraphRequest r = new GraphRequest();
        r.model = file.getAbsolutePath();
        r.kind = kind;
        r.layer = layer;
        try {
            NeuralGraph g = r.build(progress);
            ContainerWriter.write(g, file.getName(), loader, progress);
            WorkspaceHandOver.toNextWorkspace(g.graphAttributes(), r.recorded);
            report.log(GeneratorPanel.GRAPH_KINDS[kind.ordinal()] + " of " + file + (kind == GraphRequest.Kind.WEIGHTS
                    ? ": neurons as nodes, weights as directed edges with Gephi weight |w| and the signed weight in the column 'value'"
                    : ", layer " + layer + ", with File > Generate's defaults (shipped MNIST sample, seed " + r.seed + ")") + ".");
            return true;
        } catch (CancelledException e) {
            return false;
        } catch (IOException | IllegalArgumentException e) {
            report.logIssue(new Issue(e.getMessage(), Issue.Level.CRITICAL));
            return false;
        }
    }

    @Override
    public ContainerLoader getContainer() {
        return container;
    }

    @Override
    public Report getReport() {
        return report;
    }
}
