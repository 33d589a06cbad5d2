package org.neuralgraph.importer;

import org.gephi.io.importer.api.ContainerLoader;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.importer.spi.FileImporter;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.gephi.ContainerWriter;
import org.neuralgraph.gephi.TicketTask;

import java.io.File;
import java.io.IOException;
import java.io.Reader;

/**
 * File &gt; Open of a model file (a DL4J model zip, {@link Dl4jModelImporterBuilder}; an ONNX or Keras .h5 file,
 * {@link ForeignModelImporterBuilder}): the weight graph of the model, every weight an edge. The other graph kinds, and
 * a training run, are built from the same files through File &gt; Generate.
 */
public final class ModelFileImporter extends TicketTask implements FileImporter, FileImporter.FileAware {

    private final Report report = new Report();
    private ContainerLoader container;
    private File file;

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
        try {
            ContainerWriter.write(r.build(progress), file.getName(), loader, progress);
            report.log("Weight graph of " + file + ": neurons as nodes, weights as directed edges with Gephi weight |w| "
                    + "and the signed weight in the column 'value' (Darnell & Leonard, Section 3).");
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
