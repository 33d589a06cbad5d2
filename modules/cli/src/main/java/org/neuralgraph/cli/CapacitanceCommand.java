package org.neuralgraph.cli;

import org.neuralgraph.pipeline.study.CapacitanceStudy;
import org.neuralgraph.pipeline.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code neuralgraph capacitance}: model selection by neural capacitance in one command. Pretrains the candidates on the
 * source data, fine-tunes each under the same frozen random probe on the target data, predicts each one's final
 * accuracy from beta_eff over the first epochs, and reports how well that ranks them beside three learning-curve baselines.
 */
@Command(name = "capacitance", mixinStandardHelpOptions = true,
        description = {"Neural capacitance (Jiang et al.): rank candidate models by the accuracy predicted from beta_eff of a frozen probe "
                + "over the first fine-tuning epochs, against the ranking after full fine-tuning and three baselines.",
                "Default: the ten-model zoo (--zoo residual: eight residual, depthwise and plain CNNs) pretrained on the shipped MNIST sample and fine-tuned on Fashion-MNIST "
                        + "(Debian's dataset-fashion-mnist), 10,000 training and 5,000 validation images, 10 epochs, predicted from 3.",
                "Writes into --out: pretrained/, tables/ (CSV), charts/ (PNG), graphs/ (GEXF), neuralgraph.gephi, report.md, report.json."})
final class CapacitanceCommand extends StudyCommand {

    @Option(names = "--candidates", split = ",", paramLabel = "MODEL",
            description = "Zoo models, model spec .json files (pretrained here on --source) or DL4J model .zip files / run directories, ONNX .onnx or Keras .h5 files "
                    + "(already pretrained) (default: the --zoo's, for mlp-cnn ${DEFAULT-VALUE}).")
    List<String> candidates = new CapacitanceStudy.Settings().candidates;

    @Option(names = "--zoo", defaultValue = "mlp-cnn", paramLabel = "ZOO",
            description = "The candidates when --candidates is not given: mlp-cnn (ten MLPs and CNNs) or residual (ResNet-, MobileNet- and "
                    + "VGG-like CNNs: res-4, res-8-16, res-16-32, mobile-8, mobile-8-16, mobile-16-32, vgg-4, vgg-8-16) (default: ${DEFAULT-VALUE}).")
    String zoo;

    @Option(names = "--source", paramLabel = "DIR", description = "IDX data the candidates are pretrained on (default: the shipped MNIST sample).")
    Path source;

    @Option(names = "--pretrain-epochs", defaultValue = "3", description = "Pretraining epochs on --source (default: ${DEFAULT-VALUE}).")
    int pretrainEpochs;

    @Option(names = "--target", paramLabel = "DIR", description = "IDX data to fine-tune on (default: /usr/share/datasets/fashion-mnist).")
    Path target;

    @Option(names = "--train-size", defaultValue = "10000", description = "Fine-tuning images, a seeded sample of the target's training set (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(names = "--validation-size", defaultValue = "5000", description = "Validation images, held out from the target's training set "
            + "as the paper holds out 15,000 (default: ${DEFAULT-VALUE}).")
    int validationSize;

    @Option(names = "--epochs", defaultValue = "10", description = "T, fine-tuning epochs; the accuracy after the last is the truth (the paper: 50); "
            + "at least 3 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--early-epochs", defaultValue = "3", description = "t_e, the epochs the predictions may see, 2 to --epochs - 1 (default: ${DEFAULT-VALUE}).")
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

    @Override
    Study study() throws Exception {
        CapacitanceStudy.Settings s = new CapacitanceStudy.Settings();
        List<String> zooNames = CapacitanceStudy.zoo(zoo);
        s.candidates = spec.commandLine().getParseResult().hasMatchedOption("--candidates") ? candidates : zooNames;
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
        Path src = source != null ? source : ModelOptions.defaultData();
        s.sourceData = src != null ? src : org.neuralgraph.pipeline.model.SampleData.mnistDirectory();
        s.targetData = target;
        s.trainSize = trainSize;
        s.validationSize = validationSize;
        s.command = commandText();
        return new CapacitanceStudy(s);
    }
}
