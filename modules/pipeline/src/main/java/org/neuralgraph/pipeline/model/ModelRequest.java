package org.neuralgraph.pipeline.model;

import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user asks for when they name a model: which one ({@link ModelSources}), and for a model trained here the
 * seed, epochs, batch size, checkpoints and data. The command line's model options and the Gephi generator's model
 * fields both fill one of these; {@link #open} trains or opens the model, {@link #data} loads the images once.
 * Errors name the command line's options ({@code --checkpoints}); the generator's dialog maps them to its labels.
 */
public final class ModelRequest {

    /** A preset, spec file, shipped model name, or the path of a saved model. */
    public String model;
    /** Seed of every random choice: initial weights, data split, batch order, label shuffling. */
    public long seed = 42;
    /** Overrides of the spec's epochs and batch size; null keeps the spec's. */
    public Integer epochs;
    public Integer batchSize;
    /** Checkpoints saved while training, including the untrained network and the last epoch. */
    public int checkpoints = 2;
    /**
     * True when {@link #checkpoints} is a command's default rather than the user's choice: a training with fewer
     * epochs then saves one checkpoint after every epoch (epochs + 1) instead of being refused.
     */
    public boolean checkpointsByDefault;
    /** MNIST-style IDX directory; null for {@link #defaultData}. */
    public Path data;
    /** Where the data is when {@link #data} is null (the shipped MNIST sample). */
    public Path defaultData;
    /** Test share when the data directory holds one images/labels pair. */
    public double testFraction = 0.2;
    /** Train on a seeded random sample of this many training images; null for all. */
    public Integer trainSize;
    /** Shuffle the training labels: the random-label "Mixed" control of Mostafa and Mondal. */
    public boolean mixed;

    private TrainTestData loaded;
    private TrainingRun opened;
    private final List<ClassNeed> needs = new ArrayList<>();

    public ModelRequest(String model) {
        this.model = model;
    }

    /**
     * Asks that the images hold the classes a method needs; checked when they are loaded ({@link #data}), which is
     * before any training.
     */
    public void need(ClassNeed need) {
        needs.add(need);
    }

    /** The source {@link #model} names. */
    public ModelSource source() {
        return ModelSources.of(model);
    }

    /** True when the model is trained here rather than opened. */
    public boolean trains() {
        return source().trains();
    }

    /**
     * The spec to train with the request's seed, epochs and batch size, validated.
     *
     * @throws IllegalArgumentException naming --model and what is wrong with the spec
     */
    public ModelSpec spec() throws IOException {
        if (epochs != null && epochs < 1) throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        ModelSpec spec = source().spec(model);
        spec.seed = seed;
        if (epochs != null) spec.epochs = epochs;
        if (batchSize != null) spec.batchSize = batchSize;
        try {
            return spec.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model " + model + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the training settings before anything runs.
     *
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public void check() throws IOException {
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("--test-fraction must be in (0, 1), got " + testFraction);
        if (trainSize != null && trainSize < 1) throw new IllegalArgumentException("--train-size must be >= 1, got " + trainSize);
        if (trains()) {
            ModelSpec spec = spec();
            int n = checkpoints(spec);
            if (n < 2 || n > spec.epochs + 1) {
                throw new IllegalArgumentException("--checkpoints must be between 2 and epochs + 1 = " + (spec.epochs + 1) + ", got " + n);
            }
        }
    }

    private int checkpoints(ModelSpec spec) {
        return checkpointsByDefault ? Math.min(checkpoints, spec.epochs + 1) : checkpoints;
    }

    /**
     * The images, loaded once: training and test split, the seeded sample and the shuffled labels the request asks for,
     * checked for the classes {@link #need asked for}. A model that was {@link #open opened} is checked against their
     * size, naming its file.
     */
    public TrainTestData data() throws IOException {
        if (loaded == null) {
            loaded = loadData();
            if (opened != null) opened.checkpoints().get(0).checkInput(loaded.train().rows(), loaded.train().cols());
        }
        return loaded;
    }

    private TrainTestData loadData() throws IOException {
        check();
        Path dir = data != null ? data : defaultData != null ? defaultData : SampleData.mnistDirectory();
        TrainTestData d = ImageDataSource.load(dir, testFraction, seed);
        String description = d.description();
        LabeledImages train = d.train();
        if (trainSize != null) {
            train = train.sample(trainSize, seed);
            description += "; training on a seeded sample of " + train.size();
        }
        if (mixed) {
            train = train.withShuffledLabels(seed);
            description += "; training labels shuffled (Mixed control, seed " + seed + ")";
        }
        TrainTestData out = new TrainTestData(train, d.test(), description, d.trainLabels(), d.testLabels());
        for (ClassNeed n : needs) n.check(out, d.train(), trainSize);
        return out;
    }

    /**
     * Trains the spec into {@code runDir} with {@link #checkpoints} checkpoints, or opens the saved model. A model opened
     * is checked against the data's image size when {@link #data} is asked for.
     */
    public TrainingRun open(Path runDir, ProgressMonitor monitor) throws IOException {
        check();
        ModelSource source = source();
        if (!source.trains()) return opened = source.open(model);
        ModelSpec spec = spec();
        return Trainer.train(spec, data(), checkpoints(spec), runDir, mixed, monitor);
    }

    /** The run {@link #open} opened (not trained), or null. */
    public TrainingRun opened() {
        return opened;
    }
}
