package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neuralgraph.core.capacitance.EdgeInteraction;
import org.neuralgraph.core.capacitance.InteractionStrengths;
import org.neuralgraph.core.capacitance.NeuralCapacitanceProbe;
import org.neuralgraph.core.capacitance.ProbeBatch;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.LayerWeights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The neural-capacitance paper's fine-tuning under a neural capacitance probe (method note, section 3, steps 1-3): the candidate's output
 * layer is removed, the frozen, randomly initialised {@link NeuralCapacitanceProbe} is put on top of its bottom
 * layers [V patent claim 1], and only the bottom layers are fine-tuned on the target data (Adam at the paper's
 * learning rate 1e-3 and batch 64 [D]; the optimiser is not known [?]). After every epoch the probe's interaction
 * strengths are computed on a fixed batch of training samples (the note's choice of split [?]) and reduced to
 * beta_eff; the validation accuracy and the mean training loss of the epoch are recorded beside it.
 *
 * <p>The probe's layers are DL4J layers whose updater is plain SGD with learning rate 0, so their weights stay exactly
 * the probe's while errors still flow through them to the bottom layers (DL4J's {@code NoOp} updater would not do:
 * it passes the raw gradient on as the update). beta_eff is computed from the bottom layers' features by the
 * probe itself, in plain Java ({@link NeuralCapacitanceProbe#forward}), so the numbers do not depend on DL4J's
 * backward pass; a test checks that the probe's softmax equals the DL4J network's output. A candidate may be a
 * MultiLayerNetwork or a ComputationGraph (a residual CNN, {@link GraphModelFactory}); the probe then reads the dense
 * vertex under the graph's output layer.
 */
public final class ProbedFineTuning {

    /** One epoch's record; epoch 0 is the candidate with its new probe, before any fine-tuning. */
    public static final class Epoch {
        public final int epoch;
        public final double betaEff;
        public final double validationAccuracy;
        /** Mean training loss over the epoch's mini-batches (NaN for epoch 0). */
        public final double trainingLoss;
        /** Interaction strength of every probe weight (line-graph node), in {@link org.neuralgraph.core.graph.LineGraph} order. */
        public final double[] strengths;
        public final double seconds;

        Epoch(int epoch, double betaEff, double validationAccuracy, double trainingLoss, double[] strengths, double seconds) {
            this.epoch = epoch;
            this.betaEff = betaEff;
            this.validationAccuracy = validationAccuracy;
            this.trainingLoss = trainingLoss;
            this.strengths = strengths;
            this.seconds = seconds;
        }
    }

    /** Fine-tuning settings. */
    public static final class Settings {
        public int epochs = 10;
        public int batchSize = 64;
        public double learningRate = 1e-3;
        /** Training samples on which the probe's interactions are measured after each epoch. */
        public int probeSamples = 2048;
        public long seed = 42;
    }

    private ProbedFineTuning() { }

    /**
     * Fine-tunes {@code candidate} (left unchanged) with {@code probe} on top.
     *
     * @throws IllegalArgumentException when the candidate's last layer is not an output layer fed by a dense layer of
     *                                  the probe's input width, or the data does not fit the candidate
     */
    public static List<Epoch> run(MultiLayerNetwork candidate, String name, NeuralCapacitanceProbe probe, EdgeInteraction interaction,
                                  LabeledImages train, LabeledImages validation, Settings settings, ProgressMonitor monitor) {
        return run(Network.of(candidate), name, probe, interaction, train, validation, settings, monitor);
    }

    /**
     * Fine-tunes a candidate of either kind (left unchanged) with {@code probe} on top: a MultiLayerNetwork, or a
     * ComputationGraph (a residual CNN) whose single output layer is fed by a dense layer of the probe's input width.
     *
     * @throws IllegalArgumentException as {@link #run(MultiLayerNetwork, String, NeuralCapacitanceProbe, EdgeInteraction, LabeledImages, LabeledImages, Settings, ProgressMonitor)}
     */
    public static List<Epoch> run(Network candidate, String name, NeuralCapacitanceProbe probe, EdgeInteraction interaction,
                                  LabeledImages train, LabeledImages validation, Settings settings, ProgressMonitor monitor) {
        Network net;
        Function<LabeledImages, double[]> features;
        if (candidate.isGraph()) {
            ComputationGraph g = withProbe(candidate.graph(), name, probe, settings);
            String under = featureVertex(candidate.graph(), name);
            net = Network.of(g);
            features = d -> features(g, under, d);
        } else {
            MultiLayerNetwork chain = withProbe(candidate.chain("fine-tuning"), name, probe, settings);
            Trainer.readyForFit(chain); // for good: this copy is only trained and measured
            int bottom = chain.getnLayers() - probe.layerCount();
            net = Network.of(chain);
            features = d -> features(chain, bottom, d);
        }
        LabeledImages probeData = train.sample(Math.min(settings.probeSamples, train.size()), settings.seed ^ 0x5DEECE66DL);
        int batches = (train.size() + settings.batchSize - 1) / settings.batchSize;
        monitor.start("fine-tuning " + name, (long) batches * settings.epochs);
        List<Epoch> out = new ArrayList<>();
        out.add(measure(net, features, probe, interaction, probeData, validation, 0, Double.NaN, 0));
        long done = 0;
        for (int epoch = 1; epoch <= settings.epochs; epoch++) {
            long t0 = System.nanoTime();
            double lossSum = 0;
            int n = 0;
            for (DataSet batch : Batches.shuffled(train, settings.batchSize, settings.seed * 1_000_003L + epoch)) {
                if (monitor.isCancelled()) throw new CancelledException();
                net.fit(batch);
                lossSum += net.score();
                n++;
                monitor.progress(++done, null);
            }
            Epoch e = measure(net, features, probe, interaction, probeData, validation, epoch, lossSum / n, (System.nanoTime() - t0) / 1e9);
            out.add(e);
            monitor.progress(done, String.format(Locale.ROOT, "%s epoch %d: beta_eff %.4g, val acc %.3f", name, epoch, e.betaEff, e.validationAccuracy));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The width of the layer under the candidate's output layer, which the probe reads.
     *
     * @throws IllegalArgumentException naming the candidate when that layer is not dense
     */
    public static int featureWidth(Network candidate, String name) {
        org.deeplearning4j.nn.conf.layers.Layer under;
        if (candidate.isGraph()) {
            under = layerOf(candidate.graph(), featureVertex(candidate.graph(), name));
        } else {
            MultiLayerNetwork net = candidate.chain("fine-tuning");
            int n = net.getnLayers();
            under = n < 2 ? null : net.getLayer(n - 2).conf().getLayer();
        }
        if (!(under instanceof DenseLayer)) {
            throw new IllegalArgumentException("candidate " + name + " has no dense layer under its output layer for the probe to read");
        }
        return (int) ((FeedForwardLayer) under).getNOut();
    }

    /**
     * The candidate without its output layer, the probe's layers on top (frozen: SGD with learning rate 0, the probe's
     * weights), the bottom layers with the candidate's weights and Adam at the fine-tuning learning rate.
     */
    static MultiLayerNetwork withProbe(MultiLayerNetwork candidate, String name, NeuralCapacitanceProbe probe, Settings s) {
        int n = candidate.getnLayers();
        if (n < 2 || !(candidate.getLayer(n - 1).conf().getLayer() instanceof OutputLayer)) {
            throw new IllegalArgumentException(name + ": the last layer must be a DL4J OutputLayer (the classifier the probe replaces)");
        }
        if (!(candidate.getLayer(n - 2).conf().getLayer() instanceof DenseLayer)) {
            throw new IllegalArgumentException(name + ": the layer under the output layer must be dense (the probe reads its features), got "
                    + candidate.getLayer(n - 2).conf().getLayer().getClass().getSimpleName());
        }
        long features = ((FeedForwardLayer) candidate.getLayer(n - 2).conf().getLayer()).getNOut();
        if (features != probe.inputs()) {
            throw new IllegalArgumentException(name + ": the probe reads " + probe.inputs() + " features but the layer under the output has " + features);
        }
        TransferLearning.Builder b = new TransferLearning.Builder(candidate)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(s.learningRate)).seed(s.seed).build())
                .removeOutputLayer();
        List<LayerWeights> layers = probe.layers();
        for (int k = 0; k < layers.size(); k++) {
            LayerWeights lw = layers.get(k);
            if (k < layers.size() - 1) {
                b.addLayer(new DenseLayer.Builder().nIn(lw.nIn()).nOut(lw.nOut()).activation(Activation.fromString(lw.activation())).build());
            } else {
                b.addLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(lw.nIn()).nOut(lw.nOut())
                        .activation(Activation.SOFTMAX).build());
            }
        }
        MultiLayerNetwork built = b.build();
        // Rebuild from the configuration with the probe's layers frozen, so that no updater state made before can survive.
        MultiLayerConfiguration conf = built.getLayerWiseConfigurations().clone();
        int bottom = n - 1;
        for (int i = bottom; i < conf.getConfs().size(); i++) ((BaseLayer) conf.getConf(i).getLayer()).setIUpdater(new Sgd(0.0));
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init(built.params().dup(), false);
        for (int k = 0; k < layers.size(); k++) {
            LayerWeights lw = layers.get(k);
            net.getLayer(bottom + k).setParam("W", Nd4j.create(lw.rawWeights(), new long[]{lw.nIn(), lw.nOut()}, 'c').castTo(net.params().dataType()));
            double[] bias = new double[lw.nOut()];
            for (int j = 0; j < bias.length; j++) bias[j] = lw.hasBias() ? lw.bias(j) : 0;
            net.getLayer(bottom + k).setParam("b", Nd4j.create(bias, new long[]{1, lw.nOut()}, 'c').castTo(net.params().dataType()));
        }
        return ConvolutionOps.install(net);
    }

    /**
     * The candidate graph without its output layer, the probe's layers on top (vertices {@code ncp_1}, ...; frozen as in
     * the chain's {@link #withProbe(MultiLayerNetwork, String, NeuralCapacitanceProbe, Settings)}), read from the dense
     * vertex under the output, every other vertex with the candidate's weights (and batch-normalisation statistics)
     * and Adam at the fine-tuning learning rate.
     */
    static ComputationGraph withProbe(ComputationGraph candidate, String name, NeuralCapacitanceProbe probe, Settings s) {
        String under = featureVertex(candidate, name);
        long features = ((FeedForwardLayer) layerOf(candidate, under)).getNOut();
        if (features != probe.inputs()) {
            throw new IllegalArgumentException(name + ": the probe reads " + probe.inputs() + " features but the layer under the output has " + features);
        }
        String out = candidate.getConfiguration().getNetworkOutputs().get(0);
        TransferLearning.GraphBuilder b = new TransferLearning.GraphBuilder(candidate)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(s.learningRate)).seed(s.seed).build())
                .removeVertexAndConnections(out);
        List<LayerWeights> layers = probe.layers();
        List<String> names = new ArrayList<>();
        String from = under;
        for (int k = 0; k < layers.size(); k++) {
            LayerWeights lw = layers.get(k);
            String v = "ncp_" + (k + 1);
            if (k < layers.size() - 1) {
                b.addLayer(v, new DenseLayer.Builder().nIn(lw.nIn()).nOut(lw.nOut()).activation(Activation.fromString(lw.activation())).build(), from);
            } else {
                b.addLayer(v, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(lw.nIn()).nOut(lw.nOut())
                        .activation(Activation.SOFTMAX).build(), from);
            }
            names.add(v);
            from = v;
        }
        ComputationGraph built = b.setOutputs(from).build();
        ComputationGraphConfiguration conf = built.getConfiguration().clone();
        for (String v : names) ((BaseLayer) ((LayerVertex) conf.getVertices().get(v)).getLayerConf().getLayer()).setIUpdater(new Sgd(0.0));
        ComputationGraph net = new ComputationGraph(conf);
        net.init(built.params().dup(), false);
        for (int k = 0; k < layers.size(); k++) {
            LayerWeights lw = layers.get(k);
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(names.get(k));
            layer.setParam("W", Nd4j.create(lw.rawWeights(), new long[]{lw.nIn(), lw.nOut()}, 'c').castTo(net.params().dataType()));
            double[] bias = new double[lw.nOut()];
            for (int j = 0; j < bias.length; j++) bias[j] = lw.hasBias() ? lw.bias(j) : 0;
            layer.setParam("b", Nd4j.create(bias, new long[]{1, lw.nOut()}, 'c').castTo(net.params().dataType()));
        }
        return net;
    }

    /** The vertex that feeds the graph's single output layer, checked to be a dense layer. */
    static String featureVertex(ComputationGraph g, String name) {
        List<String> outs = g.getConfiguration().getNetworkOutputs();
        if (outs.size() != 1 || !(layerOf(g, outs.get(0)) instanceof OutputLayer)) {
            throw new IllegalArgumentException(name + ": the graph must end in one DL4J OutputLayer (the classifier the probe replaces), got outputs " + outs);
        }
        List<String> in = g.getConfiguration().getVertexInputs().get(outs.get(0));
        org.deeplearning4j.nn.conf.layers.Layer under = in.size() == 1 ? layerOf(g, in.get(0)) : null;
        if (!(under instanceof DenseLayer)) {
            throw new IllegalArgumentException(name + ": the layer under the output layer must be dense (the probe reads its features), got "
                    + (under == null ? "vertex " + in : under.getClass().getSimpleName()));
        }
        return in.get(0);
    }

    private static org.deeplearning4j.nn.conf.layers.Layer layerOf(ComputationGraph g, String vertex) {
        org.deeplearning4j.nn.conf.graph.GraphVertex v = g.getConfiguration().getVertices().get(vertex);
        return v instanceof LayerVertex ? ((LayerVertex) v).getLayerConf().getLayer() : null;
    }

    /** Evaluates, and measures the probe's interactions on {@code probeData}. */
    private static Epoch measure(Network net, Function<LabeledImages, double[]> features, NeuralCapacitanceProbe probe, EdgeInteraction interaction,
                                 LabeledImages probeData, LabeledImages validation, int epoch, double trainingLoss, double seconds) {
        ProbeBatch batch = probe.forward(features.apply(probeData), probeData.labels());
        InteractionStrengths s = interaction.strengths(batch);
        double acc = Evaluation.of(net, validation).accuracy();
        return new Epoch(epoch, s.betaEff(), acc, trainingLoss, s.inStrength(), seconds);
    }

    /** The bottom layers' output (the probe's input) for every sample, row-major {@code samples x features}. */
    static double[] features(MultiLayerNetwork net, int bottom, LabeledImages data) {
        int px = data.rows() * data.cols();
        INDArray x = Nd4j.create(Arrays.copyOf(data.pixels(), data.size() * px), new long[]{data.size(), px}, 'c');
        List<INDArray> acts = net.feedForwardToLayer(bottom - 1, x, false); // index 0 is the input, i + 1 the output of layer i
        return acts.get(bottom).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** The activations of {@code vertex} for every sample, row-major {@code samples x features}, in chunks of 256 samples. */
    static double[] features(ComputationGraph net, String vertex, LabeledImages data) {
        int px = data.rows() * data.cols();
        double[] out = null;
        for (int from = 0; from < data.size(); from += 256) {
            int n = Math.min(256, data.size() - from);
            INDArray x = Nd4j.create(Arrays.copyOfRange(data.pixels(), from * px, (from + n) * px), new long[]{n, px}, 'c');
            double[] a = net.output(Collections.singletonList(vertex), false, new INDArray[]{x}, null)[0].castTo(DataType.DOUBLE).dup('c').data().asDouble();
            if (out == null) out = new double[data.size() * (a.length / n)];
            System.arraycopy(a, 0, out, from * (a.length / n), a.length);
        }
        return out;
    }
}
