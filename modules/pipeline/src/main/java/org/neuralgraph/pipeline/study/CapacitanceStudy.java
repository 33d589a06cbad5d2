package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.graph.Names;
import java.util.Random;
import org.neuralgraph.core.data.Permutations;
import org.neuralgraph.core.data.ImageDataSource;
import java.util.Collections;
import java.util.Arrays;
import org.neuralgraph.gephi.GephiProject;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.capacitance.CapacitancePrediction;
import org.neuralgraph.core.capacitance.EarlyPredictors;
import org.neuralgraph.core.capacitance.GradientFlowInteraction;
import org.neuralgraph.core.graph.LineGraph;
import org.neuralgraph.core.capacitance.NeuralCapacitanceProbe;
import org.neuralgraph.core.capacitance.RankingAgreement;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.ModelZoo;
import org.neuralgraph.dl4j.OnnxAttention;
import org.neuralgraph.dl4j.OnnxModels;
import org.neuralgraph.dl4j.Network;
import org.neuralgraph.dl4j.ResidualZoo;
import org.neuralgraph.dl4j.ProbedFineTuning;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GraphExporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The neural-capacitance paper's model selection by neural capacitance (method note, section 3, Algorithm 1 as reconstructed), run over
 * a set of candidate models: each is pretrained on the source data (or loaded, already pretrained), gets the same
 * frozen random probe in place of its output layer, and is fine-tuned on the target data for all T epochs once, so
 * that its final validation accuracy is the ground truth. From the first t_e epochs only, four predictors score it:
 * the neural capacitance prediction (Bayesian ridge of accuracy on beta_eff, read at beta_eff = 0) and the three
 * baselines of the note's section 5 (accuracy at t_e, a power-law learning curve extrapolated to T, the sum of
 * training losses). Their rankings are compared with the true one ({@link RankingAgreement}).
 *
 * <p>Each candidate's probe line graph (the weights of the probe as nodes, |w||w'| links) goes into a Gephi workspace
 * with the interaction strength of every probe weight after every epoch as node columns and beta_eff per epoch as
 * graph attributes.
 */
public final class CapacitanceStudy implements Study {

    /** Fashion-MNIST as Debian's dataset-fashion-mnist installs it: the default target. */
    public static final Path FASHION = Paths.get("/usr/share/datasets/fashion-mnist");

    /** The candidate zoos by name: {@link ModelZoo} (the default) and {@link ResidualZoo}. */
    public static final List<String> ZOOS = Arrays.asList("mlp-cnn", "residual");

    /** The candidates of a zoo named in {@link #ZOOS}. */
    public static List<String> zoo(String name) {
        switch (name) {
            case "mlp-cnn": return ModelZoo.names();
            case "residual": return ResidualZoo.names();
            default: throw new IllegalArgumentException("--zoo must be one of " + ZOOS + ", got " + name);
        }
    }

    /** What the command line sets. */
    public static final class Settings {
        public List<String> candidates = ModelZoo.names();
        public int pretrainEpochs = 3;
        public int earlyEpochs = 3;
        public int[] probeWidths = {64, 32};
        public String probeActivation = "relu";
        public int degree = CapacitancePrediction.DEFAULT_DEGREE;
        public boolean graphs = true;
        /** The probe weights per layer kept in the line graphs: the largest |w|. */
        int graphWeightsPerLayer = 256;
        /** Fine-tuning: epochs, batch size, learning rate, probe samples, seed. */
        public final ProbedFineTuning.Settings tuning = new ProbedFineTuning.Settings();
        /** IDX data the candidates are pretrained on, and the data they are fine-tuned on (null: {@link #FASHION}). */
        public Path sourceData;
        public Path targetData;
        /** Fine-tuning and validation images, disjoint seeded samples of the target's training set. */
        public int trainSize = 10_000;
        public int validationSize = 5000;
        public String command;
        String source;
        String target;
    }

    static final class Candidate {
        String name;
        String origin;
        long parameters;
        double sourceAccuracy = Double.NaN;
        List<ProbedFineTuning.Epoch> epochs;
        CapacitancePrediction prediction;
        EarlyPredictors predictors;
        /** Predictor scores (higher is better), in {@link #PREDICTORS} order. */
        double[] scores;
        double finalAccuracy;
        String graphFile;

        double[] series(java.util.function.ToDoubleFunction<ProbedFineTuning.Epoch> f, int from, int to) {
            double[] out = new double[to - from + 1];
            for (int t = from; t <= to; t++) out[t - from] = f.applyAsDouble(epochs.get(t));
            return out;
        }
    }

    /** The four predictors, the paper's first. */
    static final List<String> PREDICTORS = EarlyPredictors.NAMES;

    static final class Result {
        final List<Candidate> candidates = new ArrayList<>();
        final Map<String, RankingAgreement> agreement = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
    }

    private final Settings s;

    public CapacitanceStudy(Settings settings) {
        this.s = settings;
    }

    @Override
    public void check() throws IOException {
        List<String> problems = new ArrayList<>(); // every problem at once, not one per run
        if (s.pretrainEpochs < 1) problems.add("--pretrain-epochs must be >= 1, got " + s.pretrainEpochs);
        int epochs = s.tuning.epochs;
        if (epochs < 3) problems.add("--epochs must be >= 3, got " + epochs);
        if (s.earlyEpochs < 2 || s.earlyEpochs >= epochs) {
            problems.add("--early-epochs must be between 2 and --epochs - 1 = " + (epochs - 1) + ", got " + s.earlyEpochs);
        }
        if (s.probeWidths.length == 0) problems.add("--probe needs at least one hidden width");
        for (int w : s.probeWidths) if (w < 1) problems.add("--probe widths must be >= 1, got " + w);
        if (!s.probeActivation.equals("relu") && !s.probeActivation.equals("tanh")) {
            problems.add("--probe-activation must be relu or tanh, got " + s.probeActivation);
        }
        if (s.tuning.probeSamples < 1) problems.add("--probe-samples must be >= 1, got " + s.tuning.probeSamples);
        if (s.degree < 1 || s.degree >= s.earlyEpochs) {
            problems.add("--degree must be between 1 and --early-epochs - 1 = " + (s.earlyEpochs - 1) + ", got " + s.degree);
        }
        if (!(s.tuning.learningRate > 0 && s.tuning.learningRate < 10)) problems.add("--learning-rate must be in (0, 10), got " + s.tuning.learningRate);
        if (s.tuning.batchSize < 1) problems.add("--batch-size must be >= 1, got " + s.tuning.batchSize);
        for (String c : s.candidates) {
            if (OnnxModels.isOnnxName(Paths.get(c)) && Files.isRegularFile(Paths.get(c))) {
                OnnxAttention.refuseTraining(Paths.get(c)); // before anything is pretrained
            }
        }
        if (s.candidates.size() < 2) problems.add("--candidates: ranking needs at least 2 candidates, got " + s.candidates.size());
        if (new java.util.HashSet<>(s.candidates).size() < s.candidates.size()) problems.add("--candidates names a model twice: " + s.candidates);
        if (s.trainSize < 1) problems.add("--train-size must be >= 1, got " + s.trainSize);
        if (s.validationSize < 1) problems.add("--validation-size must be >= 1, got " + s.validationSize);
        Path targetDir = s.targetData != null ? s.targetData : FASHION;
        if (!Files.isDirectory(targetDir)) {
            problems.add("--target " + targetDir + " does not exist" + (s.targetData == null
                    ? " (install Debian's dataset-fashion-mnist, or give --target another MNIST-style IDX directory)" : ""));
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        check();
        long seed = s.tuning.seed;
        TrainTestData src = ImageDataSource.load(s.sourceData, 0.2, seed);
        TrainTestData tgt = ImageDataSource.load(s.targetData != null ? s.targetData : FASHION, 0.2, seed);
        LabeledImages[] tuneAndValidation = holdOut(tgt.train(), s.trainSize, s.validationSize, seed);
        s.source = src.description();
        s.target = tgt.description() + String.format(Locale.ROOT, "; fine-tuning on a seeded sample of %d training images, validation on %d others",
                tuneAndValidation[0].size(), tuneAndValidation[1].size());
        Result result = analyse(project, src, tuneAndValidation[0], tuneAndValidation[1], outDir, monitor);
        CapacitanceReport report = new CapacitanceReport(s, result);
        report.write(outDir);
        return new StudyOutcome(report.summary(), Collections.emptyList(), Arrays.asList("report.md", "neuralgraph.gephi"));
    }

    /** Disjoint seeded samples of the target's training images: {fine-tuning set, validation set}. */
    static LabeledImages[] holdOut(LabeledImages all, int trainSize, int validationSize, long seed) {
        if ((long) trainSize + validationSize > all.size()) {
            throw new IllegalArgumentException("--train-size " + trainSize + " + --validation-size " + validationSize
                    + " is more than the target's " + all.size() + " training images");
        }
        int[] order = Permutations.random(all.size(), new Random(seed ^ 0x7F4A7C15L));
        return new LabeledImages[]{all.subset(Arrays.copyOf(order, trainSize)),
                all.subset(Arrays.copyOfRange(order, trainSize, trainSize + validationSize))};
    }

    private Result analyse(GephiProject project, TrainTestData source, LabeledImages train, LabeledImages validation, Path outDir,
                           ProgressMonitor monitor) throws IOException {
        Result result = new Result();
        for (String name : s.candidates) {
            monitor.checkCancelled();
            Candidate c = new Candidate();
            Network net = pretrained(name, s, source, train, outDir, c, monitor);
            NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(ProbedFineTuning.featureWidth(net, c.name), s.probeWidths, train.classes(),
                    s.probeActivation, s.tuning.seed);
            c.epochs = ProbedFineTuning.run(net, c.name, probe, new GradientFlowInteraction(), train, validation, s.tuning, monitor);
            score(c, s);
            if (s.graphs) c.graphFile = outDir.relativize(probeGraph(project, c, probe, s, outDir, monitor)).toString();
            result.candidates.add(c);
        }
        List<EarlyPredictors> predictors = new ArrayList<>();
        double[] truth = new double[result.candidates.size()];
        for (int k = 0; k < truth.length; k++) {
            predictors.add(result.candidates.get(k).predictors);
            truth[k] = result.candidates.get(k).finalAccuracy;
        }
        List<RankingAgreement> agreements = EarlyPredictors.agreements(predictors, truth);
        for (int p = 0; p < PREDICTORS.size(); p++) result.agreement.put(PREDICTORS.get(p), agreements.get(p));
        if (s.graphs) {
            monitor.start("saving Gephi project", 1);
            project.save(outDir.resolve("neuralgraph.gephi"));
        }
        return result;
    }

    /**
     * The candidate, pretrained on the source data here (a name of either zoo or a spec .json) or loaded (a model .zip or
     * run directory, an ONNX or Keras file): a MultiLayerNetwork or, for a residual CNN, a ComputationGraph.
     */
    private static Network pretrained(String name, Settings s, TrainTestData source, LabeledImages target, Path outDir,
                                                Candidate c, ProgressMonitor monitor) throws IOException {
        ModelSpec spec = null;
        if (ModelZoo.names().contains(name)) {
            spec = ModelZoo.spec(name);
            c.origin = "zoo";
        } else if (ResidualZoo.names().contains(name)) {
            spec = ResidualZoo.spec(name);
            c.origin = "residual zoo";
        } else if (name.endsWith(".json")) {
            spec = ModelSpec.read(existing(name));
            c.origin = "spec " + name;
        }
        Network net;
        if (spec != null) {
            spec.seed = s.tuning.seed;
            spec.epochs = s.pretrainEpochs;
            c.name = spec.name;
            TrainingRun run = Trainer.train(spec, source, 2, outDir.resolve("pretrained").resolve(safe(spec.name)), false, monitor);
            Checkpoint last = run.checkpoints().get(run.checkpoints().size() - 1);
            c.sourceAccuracy = last.testAccuracy();
            net = last.loadTrainable();
        } else {
            TrainingRun run = ModelLoader.open(existing(name));
            Checkpoint last = run.checkpoints().get(run.checkpoints().size() - 1);
            c.name = Paths.get(name).getFileName().toString().replaceFirst("\\.zip$", "");
            c.origin = "loaded " + name;
            c.sourceAccuracy = last.testAccuracy();
            net = last.loadTrainable();
        }
        long inputs = net.isGraph() ? -1 : net.chain("fine-tuning").layerInputSize(0);
        boolean conv = net.isGraph() || net.chain("fine-tuning").getLayer(0).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
        if (!conv && inputs != (long) target.rows() * target.cols()) {
            throw new IllegalArgumentException("candidate " + name + " takes " + inputs + " inputs but the target images have "
                    + target.rows() + "x" + target.cols() + " pixels");
        }
        c.parameters = net.numParams();
        return net;
    }

    /** The predictors' scores from epochs 1..t_e, and the truth at T. */
    static void score(Candidate c, Settings s) {
        int te = s.earlyEpochs, T = c.epochs.size() - 1;
        EarlyPredictors p = EarlyPredictors.of(c.series(e -> e.betaEff, 1, te), c.series(e -> e.validationAccuracy, 1, te),
                c.series(e -> e.trainingLoss, 1, te), T, s.degree);
        c.predictors = p;
        c.prediction = p.prediction();
        c.scores = p.values(); // as predicted; rankings use p.scores()
        c.finalAccuracy = c.epochs.get(T).validationAccuracy;
    }

    /**
     * The probe's line graph, its {@code graphWeightsPerLayer} largest-|w| weights of each layer (the full graph of a
     * 64-64-32-10 probe has 151,552 links), with the interaction strength of each weight after every epoch; into a
     * workspace and a GEXF.
     */
    private static Path probeGraph(GephiProject project, Candidate c, NeuralCapacitanceProbe probe, Settings s, Path outDir, ProgressMonitor monitor) throws IOException {
        NeuralGraph g = LineGraph.build(probe.weights("NCP of " + c.name), s.graphWeightsPerLayer);
        // strengths come in LineGraph's full order: layer by layer, then from * nOut + to
        int[] layer = g.nodeColumns().get(Names.LAYER).ints(), from = g.nodeColumns().get("from").ints(), to = g.nodeColumns().get("to").ints();
        int[] offset = new int[probe.layerCount() + 1];
        for (int m = 0; m < probe.layerCount(); m++) offset[m + 1] = offset[m] + probe.layers().get(m).nIn() * probe.layers().get(m).nOut();
        int[] full = new int[g.nodeCount()];
        for (int v = 0; v < full.length; v++) full[v] = offset[layer[v] - 1] + from[v] * probe.layers().get(layer[v] - 1).nOut() + to[v];
        Map<String, NeuralGraph.Column> cols = new LinkedHashMap<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (ProbedFineTuning.Epoch e : c.epochs) {
            double[] strength = new double[full.length];
            for (int v = 0; v < full.length; v++) strength[v] = e.strengths[full[v]];
            cols.put(Names.strengthAtEpoch(e.epoch), NeuralGraph.Column.ofDoubles(
                    "Interaction strength s = sum of P over the weight's line-graph neighbours after epoch " + e.epoch, strength));
            attrs.put(Names.betaEffAtEpoch(e.epoch), e.betaEff);
            attrs.put(Names.validationAccuracyAtEpoch(e.epoch), e.validationAccuracy);
            if (e.epoch > 0) attrs.put(Names.trainingLossAtEpoch(e.epoch), e.trainingLoss);
        }
        attrs.put(Names.CANDIDATE, c.name);
        attrs.put(Names.PREDICTED_ACCURACY, c.prediction.accuracy());
        attrs.put(Names.PREDICTED_ACCURACY_STD, c.prediction.std());
        attrs.put(Names.FINAL_ACCURACY, c.finalAccuracy);
        attrs.put(Names.EARLY_EPOCHS, s.earlyEpochs);
        attrs.put(Names.SEED, s.tuning.seed);
        g = g.withNodeColumns(cols).withGraphAttributes(attrs);
        Workspace ws = project.importGraph(g, "NCP line graph " + c.name, monitor);
        List<String> notes = new ArrayList<>();
        List<Path> files = GraphExporter.export(ws, outDir.resolve("graphs"), "ncp-" + safe(c.name), EnumSet.of(GraphExporter.Format.GEXF));
        return files.get(0);
    }

    private static Path existing(String name) {
        Path p = Paths.get(name);
        if (!Files.exists(p)) throw new IllegalArgumentException("--candidates: " + name + " is neither a zoo model " + ModelZoo.names() + " / " + ResidualZoo.names() + " nor an existing file");
        return p;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
