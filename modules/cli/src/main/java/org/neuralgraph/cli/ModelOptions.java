package org.neuralgraph.cli;

import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.model.ModelSources;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The options that say where a model comes from and on which data it is trained, shared by the subcommands as a
 * picocli mixin; {@link #request} turns them into the pipeline's {@link ModelRequest}.
 */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A preset to train (mlp-seed000, mlp-512, lenet, cnn-mapper), a model spec .json to train, a shipped trained "
                    + "net-fragment model (nf-1 to nf-11) or a model to open: a DL4J model .zip, a training run directory, an ONNX .onnx "
                    + "file (e.g. from torch.onnx.export) or a Keras Sequential model .h5.")
    String model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "MNIST-style IDX directory (default: the shipped MNIST sample; Fashion-MNIST: /usr/share/datasets/fashion-mnist).")
    Path data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice: initial weights, data split, "
            + "batch order, label shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", description = "Override the spec's number of epochs.")
    Integer epochs;

    @Option(names = "--batch-size", description = "Override the spec's batch size.")
    Integer batchSize;

    @Option(names = "--checkpoints", description = "Checkpoints saved during training, spaced uniformly and including "
            + "the untrained network (epoch 0) and the last epoch.")
    Integer checkpoints;

    @Option(names = "--train-size", description = "Train on a seeded random sample of this many training images.")
    Integer trainSize;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Test share when the data directory holds "
            + "one images/labels pair (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--mixed", description = "Shuffle the training labels: the random-label \"Mixed\" control of Mostafa and Mondal.")
    boolean mixed;

    /** The request these options make, with the command's own default model and number of checkpoints. */
    ModelRequest request(String defaultModel, int defaultCheckpoints) {
        ModelRequest r = new ModelRequest(model != null ? model : defaultModel);
        r.seed = seed;
        r.epochs = epochs;
        r.batchSize = batchSize;
        r.checkpoints = checkpoints != null ? checkpoints : defaultCheckpoints;
        r.checkpointsByDefault = checkpoints == null;
        r.data = data;
        r.defaultData = defaultData();
        r.testFraction = testFraction;
        r.trainSize = trainSize;
        r.mixed = mixed;
        return r;
    }

    /** True when --checkpoints was given. */
    boolean checkpointsGiven() {
        return checkpoints != null;
    }

    /** A command that takes these options says what it trains or opens when --model and --checkpoints are not given. */
    interface Defaults {
        /** The model --model defaults to: "lenet". */
        String defaultModel();

        /** What --checkpoints defaults to, in words: "5", "epochs + 1 (one after every epoch)". */
        String defaultCheckpoints();
    }

    /**
     * Writes the defaults of every command of {@code cl} that has them ({@link Defaults}) into its --model and
     * --checkpoints help, so that each command's help shows its own (picocli shares the mixin's text between commands).
     */
    static void describeDefaults(picocli.CommandLine cl) {
        Object command = cl.getCommand();
        if (command instanceof Defaults) {
            Defaults d = (Defaults) command;
            withDefault(cl.getCommandSpec(), "--model", d.defaultModel());
            withDefault(cl.getCommandSpec(), "--checkpoints", d.defaultCheckpoints());
        }
        for (picocli.CommandLine sub : cl.getSubcommands().values()) describeDefaults(sub);
    }

    private static void withDefault(picocli.CommandLine.Model.CommandSpec spec, String name, String value) {
        picocli.CommandLine.Model.OptionSpec old = spec.findOption(name);
        if (old == null) return;
        String[] text = old.description().clone();
        text[text.length - 1] = text[text.length - 1] + " (default: " + value.replace("%", "%%") + ")";
        spec.remove(old);
        spec.addOption(old.toBuilder().description(text).build());
    }

    /** What --model can name, for help texts. */
    static String models() {
        return ModelSources.describeAll();
    }

    /** The shipped MNIST sample beside the launcher ({@code sample-models/mnist}), or null to use the copy inside the jar. */
    static Path defaultData() {
        String home = System.getProperty("neuralgraph.home");
        Path dir = (home != null ? Paths.get(home) : Paths.get("")).resolve("sample-models/mnist").toAbsolutePath();
        return Files.isDirectory(dir) ? dir : null;
    }
}
