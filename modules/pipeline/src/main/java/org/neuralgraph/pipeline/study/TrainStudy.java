package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.OnnxAttention;
import org.neuralgraph.dl4j.OnnxModels;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.pipeline.model.ModelRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;

/** Training alone: a preset or spec trained into a run directory of DL4J checkpoints with {@code manifest.json}. */
public final class TrainStudy implements Study {

    private final ModelRequest model;

    public TrainStudy(ModelRequest model) {
        this.model = model;
    }

    @Override
    public void check() throws IOException {
        java.nio.file.Path file = java.nio.file.Paths.get(model.model);
        if (OnnxModels.isOnnxName(file) && java.nio.file.Files.isRegularFile(file)) OnnxAttention.refuseTraining(file);
        if (!model.trains()) throw new IllegalArgumentException("--model " + model.model + " is a saved model; train takes a preset or a spec .json");
        model.check();
    }

    /** Trains into {@code outDir} itself, which becomes the run directory; the Gephi project is not used. */
    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        TrainingRun run = model.open(outDir, monitor);
        StringBuilder b = new StringBuilder();
        for (Checkpoint c : run.checkpoints()) {
            b.append(String.format(Locale.ROOT, "epoch %3d  train acc %.4f  test acc %.4f  test loss %.4f%n",
                    c.epoch(), c.trainAccuracy(), c.testAccuracy(), c.testLoss()));
        }
        return new StudyOutcome(b.toString(), Collections.emptyList(), Arrays.asList("manifest.json"));
    }
}
