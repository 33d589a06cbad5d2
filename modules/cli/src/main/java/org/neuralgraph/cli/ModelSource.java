package org.neuralgraph.cli;

import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.KerasModels;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.OnnxModels;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The options that say where a model comes from (a preset or spec to train, or a saved model zip, run directory,
 * ONNX or Keras .h5 file to load) and on which data it is trained; shared by the subcommands as a picocli mixin.
 */
final class ModelSource {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A preset (mlp-seed000, mlp-512, lenet), a model spec .json to train, or a model to load: a DL4J "
                    + "model .zip, a training run directory, an ONNX .onnx file (e.g. from torch.onnx.export) or a Keras "
                    + "Sequential model .h5 (default: mlp-seed000; activations: mlp-512).")
    String model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "MNIST-style IDX directory (default: the shipped MNIST sample; "
                    + "Fashion-MNIST: /usr/share/datasets/fashion-mnist).")
    Path data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice: initial weights, data split, "
            + "batch order, label shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", description = "Override the spec's number of epochs.")
    Integer epochs;

    @Option(names = "--batch-size", description = "Override the spec's batch size.")
    Integer batchSize;

    @Option(names = "--checkpoints", description = "Checkpoints saved during training, spaced uniformly and including "
            + "the untrained (epoch 0) and the last epoch (default: 5; activations: 21, epoch 0 and each of 20 epochs).")
    Integer checkpoints;

    private TrainTestData loaded;

    /** The model {@link #run} opened rather than trained, whose input {@link #data()} checks. */
    private TrainingRun opened;

    /** True when --model names a model file of another framework: ONNX or Keras .h5. */
    private boolean foreignFile() {
        Path p = Paths.get(model);
        return OnnxModels.isOnnxName(p) || KerasModels.isKerasName(p);
    }

    /** Fills in the command's defaults for the options the user left out; returns this. */
    ModelSource withDefaults(String defaultModel, int defaultCheckpoints) {
        if (model == null) model = defaultModel;
        if (checkpoints == null) checkpoints = defaultCheckpoints;
        return this;
    }

    @Option(names = "--train-size", description = "Train on a seeded random sample of this many training images.")
    Integer trainSize;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Test share when the data directory holds "
            + "one images/labels pair (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--mixed", description = "Shuffle the training labels: seed 001's random-label \"Mixed\" control.")
    boolean mixed;

    /** True when the model is trained here rather than loaded. */
    boolean trains() {
        Path p = Paths.get(model);
        return !(Files.isDirectory(p) || model.endsWith(".zip") || foreignFile());
    }

    /** The spec to train, with the command line's overrides applied. */
    ModelSpec spec() throws IOException {
        ModelSpec spec = model.endsWith(".json") ? ModelSpec.read(existing(Paths.get(model), "--model"))
                : ModelSpec.presetNames().contains(model) ? ModelSpec.preset(model) : null;
        if (spec == null) {
            throw new IllegalArgumentException("--model '" + model + "' is neither a preset " + ModelSpec.presetNames()
                    + ", a spec .json, a model .zip nor a run directory");
        }
        spec.seed = seed;
        if (epochs != null) spec.epochs = epochs;
        if (batchSize != null) spec.batchSize = batchSize;
        try {
            return spec.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + model + ": " + e.getMessage());
        }
    }

    /** Loads and prepares the data (sample, Mixed control) as the options say; loaded once. */
    TrainTestData data() throws IOException {
        if (loaded == null) {
            loaded = loadData();
            if (opened != null) opened.checkpoints().get(0).checkInput(loaded.train().rows(), loaded.train().cols());
        }
        return loaded;
    }

    private TrainTestData loadData() throws IOException {
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("--test-fraction must be in (0, 1), got " + testFraction);
        Path dir = data != null ? data : defaultData();
        TrainTestData d = ImageDataSource.load(dir, testFraction, seed);
        String description = d.description();
        org.neuralgraph.core.data.LabeledImages train = d.train();
        if (trainSize != null) {
            if (trainSize < 1) throw new IllegalArgumentException("--train-size must be >= 1, got " + trainSize);
            train = train.sample(trainSize, seed);
            description += "; training on a seeded sample of " + train.size();
        }
        if (mixed) {
            train = train.withShuffledLabels(seed);
            description += "; training labels shuffled (Mixed control, seed " + seed + ")";
        }
        return new TrainTestData(train, d.test(), description);
    }

    /**
     * Trains into {@code runDir}, or opens the model named by --model; a model opened is checked against the data's
     * image size when the command asks for {@link #data()}, naming the file and the input it reads.
     */
    TrainingRun run(Path runDir, ProgressMonitor monitor) throws IOException {
        if (!trains()) return opened = ModelLoader.open(Paths.get(model));
        ModelSpec spec = spec();
        if (checkpoints < 2 || checkpoints > spec.epochs + 1) {
            throw new IllegalArgumentException("--checkpoints must be between 2 and epochs + 1 = " + (spec.epochs + 1) + ", got " + checkpoints);
        }
        return Trainer.train(spec, data(), checkpoints, runDir, mixed, monitor);
    }

    static Path defaultData() {
        String home = System.getProperty("neuralgraph.home");
        return (home != null ? Paths.get(home) : Paths.get("")).resolve("sample-models/mnist").toAbsolutePath();
    }

    private static Path existing(Path p, String option) throws IOException {
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(option + " " + p + ": no such file");
        return p;
    }
}
