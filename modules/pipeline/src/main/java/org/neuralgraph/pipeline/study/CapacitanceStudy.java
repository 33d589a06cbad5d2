package org.neuralgraph.cli;

import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gephi.project.api.ProjectController;
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
import org.neuralgraph.dl4j.ProbedFineTuning;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.ProjectFile;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;

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
 * Seed 004's model selection by neural capacitance (method note, section 3, Algorithm 1 as reconstructed), run over
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
final class CapacitanceStudy {

    static final class Settings {
        List<String> candidates = ModelZoo.names();
        int pretrainEpochs = 3;
        int earlyEpochs = 3;
        int[] probeWidths = {64, 32};
        String probeActivation = "relu";
        int degree = CapacitancePrediction.DEFAULT_DEGREE;
        boolean graphs = true;
        /** The probe weights per layer kept in the line graphs: the largest |w|. */
        int graphWeightsPerLayer = 256;
        ProbedFineTuning.Settings tuning = new ProbedFineTuning.Settings();
        String command;
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

    private CapacitanceStudy() { }

    static Result run(Settings s, TrainTestData source, LabeledImages train, LabeledImages validation, Path outDir,
                      ProgressMonitor monitor) throws IOException {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
        Result result = new Result();
        for (String name : s.candidates) {
            monitor.checkCancelled();
            Candidate c = new Candidate();
            MultiLayerNetwork net = pretrained(name, s, source, train, outDir, c, monitor);
            NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(features(net, c.name), s.probeWidths, train.classes(),
                    s.probeActivation, s.tuning.seed);
            c.epochs = ProbedFineTuning.run(net, c.name, probe, new GradientFlowInteraction(), train, validation, s.tuning, monitor);
            score(c, s);
            if (s.graphs) c.graphFile = outDir.relativize(probeGraph(c, probe, s, outDir, monitor)).toString();
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
            ProjectFile.save(pc.getCurrentProject(), outDir.resolve("neuralgraph.gephi"));
        }
        return result;
    }

    /** The candidate, pretrained on the source data here (a zoo name or a spec .json) or loaded (a model .zip or run directory). */
    private static MultiLayerNetwork pretrained(String name, Settings s, TrainTestData source, LabeledImages target, Path outDir,
                                                Candidate c, ProgressMonitor monitor) throws IOException {
        ModelSpec spec = null;
        if (ModelZoo.names().contains(name)) {
            spec = ModelZoo.spec(name);
            c.origin = "zoo";
        } else if (name.endsWith(".json")) {
            spec = ModelSpec.read(existing(name));
            c.origin = "spec " + name;
        }
        MultiLayerNetwork net;
        if (spec != null) {
            spec.seed = s.tuning.seed;
            spec.epochs = s.pretrainEpochs;
            c.name = spec.name;
            TrainingRun run = Trainer.train(spec, source, 2, outDir.resolve("pretrained").resolve(safe(spec.name)), false, monitor);
            Checkpoint last = run.checkpoints().get(run.checkpoints().size() - 1);
            c.sourceAccuracy = last.testAccuracy();
            net = last.load();
        } else {
            TrainingRun run = ModelLoader.open(existing(name));
            Checkpoint last = run.checkpoints().get(run.checkpoints().size() - 1);
            c.name = Paths.get(name).getFileName().toString().replaceFirst("\\.zip$", "");
            c.origin = "loaded " + name;
            c.sourceAccuracy = last.testAccuracy();
            net = last.load();
        }
        long inputs = net.layerInputSize(0);
        boolean conv = net.getLayer(0).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
        if (!conv && inputs != (long) target.rows() * target.cols()) {
            throw new IllegalArgumentException("candidate " + name + " takes " + inputs + " inputs but the target images have "
                    + target.rows() + "x" + target.cols() + " pixels");
        }
        c.parameters = net.numParams();
        return net;
    }

    private static int features(MultiLayerNetwork net, String name) {
        int n = net.getnLayers();
        if (n < 2 || !(net.getLayer(n - 2).conf().getLayer() instanceof FeedForwardLayer)) {
            throw new IllegalArgumentException("candidate " + name + " has no dense layer under its output layer for the probe to read");
        }
        return (int) ((FeedForwardLayer) net.getLayer(n - 2).conf().getLayer()).getNOut();
    }

    /** The predictors' scores from epochs 1..t_e, and the truth at T. */
    static void score(Candidate c, Settings s) {
        int te = s.earlyEpochs, T = c.epochs.size() - 1;
        EarlyPredictors p = EarlyPredictors.of(c.series(e -> e.betaEff, 1, te), c.series(e -> e.validationAccuracy, 1, te),
                c.series(e -> e.trainingLoss, 1, te), T, s.degree);
        c.predictors = p;
        c.prediction = p.prediction();
        c.scores = p.scores();
        c.finalAccuracy = c.epochs.get(T).validationAccuracy;
    }

    /**
     * The probe's line graph, its {@code graphWeightsPerLayer} largest-|w| weights of each layer (the full graph of a
     * 64-64-32-10 probe has 151,552 links), with the interaction strength of each weight after every epoch; into a
     * workspace and a GEXF.
     */
    private static Path probeGraph(Candidate c, NeuralCapacitanceProbe probe, Settings s, Path outDir, ProgressMonitor monitor) throws IOException {
        NeuralGraph g = LineGraph.build(probe.weights("NCP of " + c.name), s.graphWeightsPerLayer);
        // strengths come in LineGraph's full order: layer by layer, then from * nOut + to
        int[] layer = g.nodeColumns().get("layer").ints(), from = g.nodeColumns().get("from").ints(), to = g.nodeColumns().get("to").ints();
        int[] offset = new int[probe.layerCount() + 1];
        for (int m = 0; m < probe.layerCount(); m++) offset[m + 1] = offset[m] + probe.layers().get(m).nIn() * probe.layers().get(m).nOut();
        int[] full = new int[g.nodeCount()];
        for (int v = 0; v < full.length; v++) full[v] = offset[layer[v] - 1] + from[v] * probe.layers().get(layer[v] - 1).nOut() + to[v];
        Map<String, NeuralGraph.Column> cols = new LinkedHashMap<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (ProbedFineTuning.Epoch e : c.epochs) {
            double[] strength = new double[full.length];
            for (int v = 0; v < full.length; v++) strength[v] = e.strengths[full[v]];
            cols.put(String.format(Locale.ROOT, "strength_epoch_%02d", e.epoch), NeuralGraph.Column.ofDoubles(
                    "Interaction strength s = sum of P over the weight's line-graph neighbours after epoch " + e.epoch, strength));
            attrs.put(String.format(Locale.ROOT, "beta_eff_epoch_%02d", e.epoch), e.betaEff);
            attrs.put(String.format(Locale.ROOT, "val_accuracy_epoch_%02d", e.epoch), e.validationAccuracy);
            if (e.epoch > 0) attrs.put(String.format(Locale.ROOT, "training_loss_epoch_%02d", e.epoch), e.trainingLoss);
        }
        attrs.put("candidate", c.name);
        attrs.put("predicted_accuracy", c.prediction.accuracy());
        attrs.put("predicted_accuracy_std", c.prediction.std());
        attrs.put("final_accuracy", c.finalAccuracy);
        attrs.put("early_epochs", s.earlyEpochs);
        attrs.put("seed", s.tuning.seed);
        g = g.withNodeColumns(cols).withGraphAttributes(attrs);
        Workspace ws = WorkspaceImporter.importGraph(g, "NCP line graph " + c.name, monitor);
        List<String> notes = new ArrayList<>();
        List<Path> files = GraphExporter.export(ws, outDir.resolve("graphs"), "ncp-" + safe(c.name), EnumSet.of(GraphExporter.Format.GEXF), notes);
        return files.get(0);
    }

    private static Path existing(String name) {
        Path p = Paths.get(name);
        if (!Files.exists(p)) throw new IllegalArgumentException("--candidates: " + name + " is neither a zoo model " + ModelZoo.names() + " nor an existing file");
        return p;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
