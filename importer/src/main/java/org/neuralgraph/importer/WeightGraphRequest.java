package org.neuralgraph.importer;

import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.prefs.Preferences;

/**
 * What the user asked for in Gephi: a model (a preset to train, or a DL4J model zip or run directory to open),
 * the data to train on, and which checkpoint's weight graph to build. Remembered between runs in the module's
 * preferences. The work itself is the same as the command line's: {@link Trainer} or {@link ModelLoader}, then
 * {@link CheckpointGraphs}.
 */
final class WeightGraphRequest {

    /** A preset name, or the path of a model zip or run directory. */
    String model = "mlp-seed000";
    /** Empty: the MNIST sample shipped inside the plugin. */
    String data = "";
    int epochs = 5;
    int checkpoints = 2;
    /** Index into the checkpoints; -1 is the last. */
    int checkpoint = -1;
    long seed = 42;
    boolean mixed;
    /** Also put every other checkpoint into a workspace of its own, named by epoch and test accuracy. */
    boolean otherCheckpoints;
    String sparsification = "none";

    /** The run directory of the last training, for the import report. */
    Path trainedRun;

    boolean trains() {
        return ModelSpec.presetNames().contains(model) || model.endsWith(".json");
    }

    /** The run that {@link #build} trained or opened. */
    TrainingRun run;
    /** The index of the checkpoint {@link #build} returned. */
    int builtIndex;

    /** Builds the requested weight graph, training first if asked to. */
    NeuralGraph build(ProgressMonitor monitor) throws IOException {
        Sparsification sp = Sparsification.parse(sparsification);
        TrainingRun run;
        if (trains()) {
            ModelSpec spec = model.endsWith(".json") ? ModelSpec.read(Paths.get(model)) : ModelSpec.preset(model);
            spec.seed = seed;
            spec.epochs = epochs;
            spec.validate();
            Path dir = data.trim().isEmpty() ? ShippedSample.directory() : Paths.get(data.trim());
            TrainTestData d = ImageDataSource.load(dir, 0.2, seed);
            LabeledImages train = mixed ? d.train().withShuffledLabels(seed) : d.train();
            trainedRun = Files.createTempDirectory("neuralgraph-run");
            Files.delete(trainedRun);
            run = Trainer.train(spec, new TrainTestData(train, d.test(), d.description()), checkpoints, trainedRun, mixed, monitor);
        } else {
            run = ModelLoader.open(Paths.get(model));
        }
        int n = run.checkpoints().size();
        int index = checkpoint < 0 ? n - 1 : checkpoint;
        if (index >= n) throw new IllegalArgumentException("Checkpoint " + index + " does not exist: the model has " + n + " checkpoints");
        monitor.checkCancelled();
        this.run = run;
        this.builtIndex = index;
        return CheckpointGraphs.weightGraph(run, index, sp);
    }

    void save(Preferences p) {
        p.put("model", model);
        p.put("data", data);
        p.putInt("epochs", epochs);
        p.putInt("checkpoints", checkpoints);
        p.putInt("checkpoint", checkpoint);
        p.putLong("seed", seed);
        p.putBoolean("mixed", mixed);
        p.putBoolean("otherCheckpoints", otherCheckpoints);
        p.put("sparsification", sparsification);
    }

    static WeightGraphRequest load(Preferences p) {
        WeightGraphRequest r = new WeightGraphRequest();
        r.model = p.get("model", r.model);
        r.data = p.get("data", r.data);
        r.epochs = p.getInt("epochs", r.epochs);
        r.checkpoints = p.getInt("checkpoints", r.checkpoints);
        r.checkpoint = p.getInt("checkpoint", r.checkpoint);
        r.seed = p.getLong("seed", r.seed);
        r.mixed = p.getBoolean("mixed", r.mixed);
        r.otherCheckpoints = p.getBoolean("otherCheckpoints", r.otherCheckpoints);
        r.sparsification = p.get("sparsification", r.sparsification);
        return r;
    }
}
