package org.neuralgraph.dl4j;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.capacitance.EffectiveCoupling;
import org.neuralgraph.core.graph.LineGraph;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Graphs of a checkpoint, with the checkpoint's facts (epoch, accuracy, loss, seed, file) as graph attributes. */
public final class CheckpointGraphs {

    private CheckpointGraphs() { }

    /**
     * The weight graph of checkpoint {@code index} of {@code run} (a DL4J checkpoint or an ONNX file).
     *
     * @throws IOException              when the checkpoint cannot be loaded
     * @throws IllegalArgumentException when its weights are not finite (naming the layer)
     */
    public static NeuralGraph weightGraph(TrainingRun run, int index, Sparsification sparsification) throws IOException {
        Checkpoint cp = run.checkpoints().get(index);
        return withCheckpoint(WeightGraph.build(cp.weights(modelName(run)), sparsification), run, index);
    }

    /**
     * The line graph of checkpoint {@code index}'s dense layers (the neural-capacitance paper: weights as nodes, linked where they meet
     * at a neuron in the direction of signal flow), keeping the {@code keepPerLayer} largest |w| of each layer.
     *
     * @throws IllegalArgumentException when the model has a convolution layer or the kept graph would be too large
     */
    public static NeuralGraph lineGraph(TrainingRun run, int index, int keepPerLayer) throws IOException {
        Checkpoint cp = run.checkpoints().get(index);
        return withCheckpoint(LineGraph.build(Dl4jWeights.extract(cp.load(), modelName(run)), keepPerLayer), run, index);
    }

    /**
     * {@code g} with the facts of checkpoint {@code index} of {@code run} as graph attributes, and {@code beta_eff}: the
     * Gao-Barzel-Barabasi effective coupling of the graph's own edge weights ({@link EffectiveCoupling}, the neural-capacitance paper's Eq. 3),
     * so that it can be followed from checkpoint to checkpoint in Gephi. It is not the probe-based neural capacitance
     * of {@code neuralgraph capacitance}, whose interaction strengths come from the training dynamics.
     */
    public static NeuralGraph withCheckpoint(NeuralGraph g, TrainingRun run, int index) {
        Map<String, Object> a = attributes(run, index);
        a.put(Names.BETA_EFF, EffectiveCoupling.of(g));
        return g.withGraphAttributes(a);
    }

    /** A workspace name such as {@code weights epoch 20 (test acc 0.944)}. */
    public static String title(String kind, Checkpoint cp) {
        return cp.epoch() >= 0
                ? String.format(Locale.ROOT, "%s epoch %d (test acc %.3f)", kind, cp.epoch(), cp.testAccuracy())
                : kind + " " + cp.file().getFileName();
    }

    /** The spec's name for a run, the file name for a lone model zip. */
    public static String modelName(TrainingRun run) {
        return run.manifest() != null ? run.manifest().spec.name : String.valueOf(run.checkpoints().get(0).file().getFileName());
    }

    private static Map<String, Object> attributes(TrainingRun run, int index) {
        Checkpoint cp = run.checkpoints().get(index);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(Names.CHECKPOINT, index);
        a.put(Names.EPOCH, cp.epoch());
        if (!Double.isNaN(cp.trainAccuracy())) {
            a.put(Names.TRAIN_ACCURACY, cp.trainAccuracy());
            a.put(Names.TEST_ACCURACY, cp.testAccuracy());
            a.put(Names.TRAIN_LOSS, cp.trainLoss());
            a.put(Names.TEST_LOSS, cp.testLoss());
        }
        if (run.manifest() != null) {
            a.put(Names.SEED, run.manifest().seed);
            a.put(Names.SHUFFLED_LABELS, run.manifest().shuffledLabels);
        }
        a.put(Names.SOURCE, cp.file().getFileName().toString());
        return a;
    }
}
