package org.neuralgraph.cli;

import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.Permutations;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.dl4j.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph capacitance}: seed 004's model selection in one command. Pretrains the candidates on the source
 * data, fine-tunes each under the same frozen random probe on the target data, predicts each one's final accuracy from
 * beta_eff over the first epochs, and reports how well that ranks them beside three learning-curve baselines.
 */
@Command(name = "capacitance", mixinStandardHelpOptions = true,
        description = {"Neural capacitance (seed 004): rank candidate models by the accuracy predicted from beta_eff of a frozen probe "
                + "over the first fine-tuning epochs, against the ranking after full fine-tuning and three baselines.",
                "Default: the ten-model zoo pretrained on the shipped MNIST sample and fine-tuned on Fashion-MNIST "
                        + "(Debian's dataset-fashion-mnist), 10,000 training and 5,000 validation images, 10 epochs, predicted from 3.",
                "Writes into --out: pretrained/, tables/ (CSV), charts/ (PNG), graphs/ (GEXF), neuralgraph.gephi, report.md, report.json."})
final class CapacitanceCommand implements Callable<Integer> {

    static final Path FASHION = Paths.get("/usr/share/datasets/fashion-mnist");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--candidates", split = ",", paramLabel = "MODEL",
            description = "Zoo models, model spec .json files (pretrained here on --source) or DL4J model .zip files / run directories, ONNX .onnx or Keras .h5 files "
                    + "(already pretrained) (default: the zoo, ${DEFAULT-VALUE}).")
    List<String> candidates = ModelZoo.names();

    @Option(names = "--source", paramLabel = "DIR", description = "IDX data the candidates are pretrained on (default: the shipped MNIST sample).")
    Path source;

    @Option(names = "--pretrain-epochs", defaultValue = "3", description = "Pretraining epochs on --source (default: ${DEFAULT-VALUE}).")
    int pretrainEpochs;

    @Option(names = "--target", paramLabel = "DIR", description = "IDX data to fine-tune on (default: " + "/usr/share/datasets/fashion-mnist).")
    Path target;

    @Option(names = "--train-size", defaultValue = "10000", description = "Fine-tuning images, a seeded sample of the target's training set (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(names = "--validation-size", defaultValue = "5000", description = "Validation images, held out from the target's training set "
            + "as the paper holds out 15,000 (default: ${DEFAULT-VALUE}).")
    int validationSize;

    @Option(names = "--epochs", defaultValue = "10", description = "T, fine-tuning epochs; the accuracy after the last is the truth (the paper: 50) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--early-epochs", defaultValue = "3", description = "t_e, the epochs the predictions may see (default: ${DEFAULT-VALUE}).")
    int earlyEpochs;

    @Option(names = "--probe", split = ",", paramLabel = "WIDTH", description = "Hidden widths of the probe (NCP); a softmax follows (default: 64,32).")
    int[] probe = {64, 32};

    @Option(names = "--probe-activation", defaultValue = "relu", description = "relu or tanh (default: ${DEFAULT-VALUE}).")
    String probeActivation;

    @Option(names = "--probe-samples", defaultValue = "2048", description = "Training samples beta_eff is measured on after each epoch (default: ${DEFAULT-VALUE}).")
    int probeSamples;

    @Option(names = "--degree", defaultValue = "1", description = "Degree of the Bayesian ridge's polynomial in beta_eff (default: ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's learning rate for fine-tuning (the paper: 1e-3) (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--batch-size", defaultValue = "64", description = "Fine-tuning batch size (the paper: 64) (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice: weights, probe, samples, batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-graphs", description = "Skip the probe line graphs (GEXF and Gephi project).")
    boolean noGraphs;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CapacitanceStudy.Settings s = settings();
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        Path targetDir = target != null ? target : FASHION;
        if (!Files.isDirectory(targetDir)) {
            throw new IllegalArgumentException("--target " + targetDir + " does not exist" + (target == null
                    ? " (install Debian's dataset-fashion-mnist, or give --target another MNIST-style IDX directory)" : ""));
        }
        TrainTestData src = ImageDataSource.load(source != null ? source : ModelSource.defaultData(), 0.2, seed);
        TrainTestData tgt = ImageDataSource.load(targetDir, 0.2, seed);
        LabeledImages[] tuneAndValidation = holdOut(tgt.train(), trainSize, validationSize, seed);
        s.source = src.description();
        s.target = tgt.description() + String.format(Locale.ROOT, "; fine-tuning on a seeded sample of %d training images, validation on %d others",
                tuneAndValidation[0].size(), tuneAndValidation[1].size());
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            CapacitanceStudy.Result result = CapacitanceStudy.run(s, src, tuneAndValidation[0], tuneAndValidation[1], dir.dir(), progress);
            CapacitanceReport report = new CapacitanceReport(s, result);
            report.write(dir.dir());
            dir.commit();
            progress.close();
            ReportText.printOutcome(stdout, report.summary(), java.util.Collections.emptyList(), dir.target(), "report.md", "neuralgraph.gephi");
            return 0;
        }
    }

    /** Disjoint seeded samples of the target's training images: {fine-tuning set, validation set}. */
    static LabeledImages[] holdOut(LabeledImages all, int trainSize, int validationSize, long seed) {
        if (trainSize < 1) throw new IllegalArgumentException("--train-size must be >= 1, got " + trainSize);
        if (validationSize < 1) throw new IllegalArgumentException("--validation-size must be >= 1, got " + validationSize);
        if ((long) trainSize + validationSize > all.size()) {
            throw new IllegalArgumentException("--train-size " + trainSize + " + --validation-size " + validationSize
                    + " is more than the target's " + all.size() + " training images");
        }
        int[] order = Permutations.random(all.size(), new Random(seed ^ 0x7F4A7C15L));
        return new LabeledImages[]{all.subset(Arrays.copyOf(order, trainSize)),
                all.subset(Arrays.copyOfRange(order, trainSize, trainSize + validationSize))};
    }

    private CapacitanceStudy.Settings settings() {
        if (pretrainEpochs < 1) throw new IllegalArgumentException("--pretrain-epochs must be >= 1, got " + pretrainEpochs);
        if (epochs < 3) throw new IllegalArgumentException("--epochs must be >= 3, got " + epochs);
        if (earlyEpochs < 2 || earlyEpochs >= epochs) {
            throw new IllegalArgumentException("--early-epochs must be between 2 and --epochs - 1 = " + (epochs - 1) + ", got " + earlyEpochs);
        }
        if (probe.length == 0) throw new IllegalArgumentException("--probe needs at least one hidden width");
        for (int w : probe) if (w < 1) throw new IllegalArgumentException("--probe widths must be >= 1, got " + w);
        if (!probeActivation.equals("relu") && !probeActivation.equals("tanh")) {
            throw new IllegalArgumentException("--probe-activation must be relu or tanh, got " + probeActivation);
        }
        if (probeSamples < 1) throw new IllegalArgumentException("--probe-samples must be >= 1, got " + probeSamples);
        if (degree < 1 || degree >= earlyEpochs) {
            throw new IllegalArgumentException("--degree must be between 1 and --early-epochs - 1 = " + (earlyEpochs - 1) + ", got " + degree);
        }
        if (!(learningRate > 0 && learningRate < 10)) throw new IllegalArgumentException("--learning-rate must be in (0, 10), got " + learningRate);
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        if (candidates.size() < 2) throw new IllegalArgumentException("--candidates: ranking needs at least 2 candidates, got " + candidates.size());
        if (new java.util.HashSet<>(candidates).size() < candidates.size()) throw new IllegalArgumentException("--candidates names a model twice: " + candidates);
        CapacitanceStudy.Settings s = new CapacitanceStudy.Settings();
        s.candidates = candidates;
        s.pretrainEpochs = pretrainEpochs;
        s.earlyEpochs = earlyEpochs;
        s.probeWidths = probe;
        s.probeActivation = probeActivation;
        s.degree = degree;
        s.graphs = !noGraphs;
        s.tuning.epochs = epochs;
        s.tuning.batchSize = batchSize;
        s.tuning.learningRate = learningRate;
        s.tuning.probeSamples = probeSamples;
        s.tuning.seed = seed;
        s.command = "neuralgraph capacitance " + String.join(" ", CommandLineText.args());
        return s;
    }
}
