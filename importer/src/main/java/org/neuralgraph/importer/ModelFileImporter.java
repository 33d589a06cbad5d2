package org.neuralgraph.importer;

import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.importer.spi.FileImporter;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.gephi.ContainerWriter;
import org.neuralgraph.gephi.TicketTask;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.WeightGraphKind;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * File &gt; Open of a model file (a DL4J model zip, {@link Dl4jModelImporterBuilder}; an ONNX or Keras .h5 file,
 * {@link ForeignModelImporterBuilder}): the graph kind and parameters chosen in Gephi's import settings
 * ({@link ModelFileImporterUI}; the weight graph by default, every weight an edge), built by the same {@link GraphRequest}
 * as File &gt; Generate (the shipped MNIST sample as data for the kinds that run the network), in a workspace named by
 * kind and model ({@link OpenedWorkspaceName}). A training run and other data are in File &gt; Generate.
 */
public final class ModelFileImporter extends TicketTask implements FileImporter, FileImporter.FileAware {

    private final Report report = new Report();
    private ContainerLoader container;
    private File file;
    private String kind = WeightGraphKind.ID;
    private Map<String, Object> parameters = new LinkedHashMap<>();

    String getKind() { return kind; }

    /** The graph kind (its id) and its parameters as given; the others take their defaults. */
    void setKind(String kind, Map<String, Object> parameters) {
        this.kind = kind;
        this.parameters = new LinkedHashMap<>(parameters);
    }

    Map<String, Object> getParameters() { return parameters; }

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
        r.parameters.put(kind, parameters);
        try {
            NeuralGraph g = r.build(progress);
            String name = WorkspaceNames.of(r.job, r.job.builtIndex());
            ContainerWriter.write(g, name, loader, progress);
            WorkspaceHandOver.toNextWorkspace(g.graphAttributes(), r.job.workspaceData(progress), container, r.graphKind().layoutIterations());
            OpenedWorkspaceName.toNextWorkspace(name);
            GraphKind k = r.graphKind();
            report.log(k.title() + " of " + file + ": " + k.description() + "; parameters " + r.job.values().asMap()
                    + (k.inputs() == org.neuralgraph.pipeline.kind.InputImages.NONE ? "" : "; File > Generate's defaults for the data (shipped MNIST sample, seed " + r.seed + ")") + ".");
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
