package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.TruncatedNormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

/**
 * Builds a DL4J {@link MultiLayerNetwork} from a {@link ModelSpec}, or with {@link #network} a network of either kind
 * (a residual CNN's spec becomes a ComputationGraph, {@link GraphModelFactory}).
 *
 * <p>Weight initialisations: {@code xavier} and {@code relu} are DL4J's; {@code pytorch-default} draws weights
 * and biases from U(-1/sqrt(fanIn), +1/sqrt(fanIn)), what PyTorch's {@code nn.Linear} and {@code nn.Conv2d} do by
 * default. Darnell and Leonard (Section 4) reports an untrained average weighted degree of 1.15 for its 784-50-50-50-10
 * weight graph; with this initialisation E|w| = 1/(2 sqrt(fanIn)), so the expected sum of |w| is
 * 784*50/(2*28) + 2 * 50*50/(2*sqrt 50) + 50*10/(2*sqrt 50) = 1,089, and 1,089 / 944 nodes = 1.15: the paper's
 * network started from PyTorch's default. {@code truncated-normal-0.1} draws every weight from N(0, 0.1^2) truncated at
 * two standard deviations and sets every bias to 0.1, TensorFlow's MNIST tutorial ({@code weight_variable},
 * {@code bias_variable}) that Brüel Gabrielsson's CNN follows (Section 5: weights "initialized according to a Gaussian
 * distribution with mean 0").
 */
public final class ModelFactory {

    private ModelFactory() { }

    /**
     * Builds and initialises the network of a spec of either kind: a ComputationGraph ({@link GraphModelFactory}) when
     * it has residual-CNN layers ({@link ModelSpec#needsGraph()}), otherwise the MultiLayerNetwork of {@link #build}.
     */
    public static Network network(ModelSpec spec) {
        spec.validate();
        return spec.needsGraph() ? Network.of(GraphModelFactory.build(spec)) : Network.of(build(spec));
    }

    /**
     * Builds and initialises the network (float32, seeded by {@code spec.seed}).
     *
     * @throws IllegalArgumentException for a spec with residual-CNN layers, which is a ComputationGraph ({@link #network})
     */
    public static MultiLayerNetwork build(ModelSpec spec) {
        spec.validate();
        if (spec.needsGraph()) {
            throw new IllegalArgumentException("model " + spec.name + " has " + ModelSpec.GRAPH_LAYER_TYPES
                    + " layers and is a DL4J ComputationGraph; this analysis reads a chain of layers (a MultiLayerNetwork)");
        }
        boolean pytorch = spec.weightInit.equals("pytorch-default");
        NeuralNetConfiguration.ListBuilder list = global(spec).list();
        int fanIn = spec.hasConv() ? spec.channels : spec.channels * spec.height * spec.width;
        int h = spec.height, w = spec.width;
        for (int i = 0; i < spec.layers.size(); i++) {
            ModelSpec.LayerSpec l = spec.layers.get(i);
            Activation act = activation(l, i);
            switch (l.type) {
                case "conv": {
                    ConvolutionLayer.Builder b = new ConvolutionLayer.Builder(l.kernel, l.kernel)
                            .stride(l.stride, l.stride).nOut(l.units).activation(act);
                    int convFanIn = fanIn * l.kernel * l.kernel;
                    if (pytorch) b.weightInit(uniform(convFanIn));
                    if (l.fixedKernels != null) {
                        if (l.fixedKernels[0].length != convFanIn) {
                            throw new IllegalArgumentException("layers[" + i + "].fixedKernels: each kernel needs " + convFanIn + " values (" + fanIn
                                    + " input channels x " + l.kernel + " x " + l.kernel + "), got " + l.fixedKernels[0].length);
                        }
                        // fixed: SGD with learning rate 0 (DL4J's NoOp updater applies the raw gradient, it does not freeze)
                        b.updater(new Sgd(0)).biasUpdater(new Sgd(0));
                    }
                    list.layer(b.build());
                    fanIn = l.units;
                    h = (h - l.kernel) / l.stride + 1;
                    w = (w - l.kernel) / l.stride + 1;
                    break;
                }
                case "maxpool":
                    list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                            .kernelSize(l.kernel, l.kernel).stride(l.stride, l.stride).build());
                    h = (h - l.kernel) / l.stride + 1;
                    w = (w - l.kernel) / l.stride + 1;
                    break;
                case "dense":
                case "output": {
                    int denseFanIn = previousIsSpatial(spec, i) ? fanIn * h * w : fanIn;
                    // DL4J applies a layer's dropOut to its input: dropout "after each hidden layer" is set on the
                    // layer that follows a hidden dense layer, with the probability of keeping a unit.
                    boolean dropInput = spec.dropout > 0 && i > 0 && spec.layers.get(i - 1).type.equals("dense");
                    if (l.type.equals("dense")) {
                        DenseLayer.Builder b = new DenseLayer.Builder().nOut(l.units).activation(act);
                        if (dropInput) b.dropOut(1 - spec.dropout);
                        if (pytorch) b.weightInit(uniform(denseFanIn));
                        list.layer(b.build());
                    } else {
                        OutputLayer.Builder b = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                                .nOut(l.units).activation(act);
                        if (dropInput) b.dropOut(1 - spec.dropout);
                        if (pytorch) b.weightInit(uniform(denseFanIn));
                        list.layer(b.build());
                    }
                    fanIn = l.units;
                    h = 1;
                    w = 1;
                    break;
                }
                default:
                    throw new IllegalArgumentException("layers[" + i + "].type " + l.type);
            }
        }
        list.setInputType(spec.hasConv()
                ? InputType.convolutionalFlat(spec.height, spec.width, spec.channels)
                : InputType.feedForward((long) spec.channels * spec.height * spec.width));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (pytorch) initBiasesLikePyTorch(net.getLayers(), spec.seed);
        setFixedKernels(spec, net);
        return ConvolutionOps.install(net);
    }

    /** The settings every layer shares: seed, float32, the spec's updater and weight initialisation, workspaces. */
    static NeuralNetConfiguration.Builder global(ModelSpec spec) {
        NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
                .seed(spec.seed)
                .dataType(DataType.FLOAT)
                .updater(updater(spec));
        if (spec.weightInit.equals("truncated-normal-0.1")) {
            global.weightInit(new WeightInitDistribution(new TruncatedNormalDistribution(0, 0.1))).biasInit(0.1);
        } else {
            global.weightInit(spec.weightInit.equals("relu") ? WeightInit.RELU : WeightInit.XAVIER);
        }
        return global
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
    }

    /** Writes each {@code fixedKernels} layer's kernels into its W ([filters, inChannels, k, k]) and zeroes its bias. */
    private static void setFixedKernels(ModelSpec spec, MultiLayerNetwork net) {
        for (int i = 0; i < spec.layers.size(); i++) {
            double[][] k = spec.layers.get(i).fixedKernels;
            if (k == null) continue;
            INDArray w = net.getLayer(i).paramTable().get("W");
            for (int f = 0; f < k.length; f++) {
                INDArray filter = Nd4j.create(k[f]).castTo(w.dataType()).reshape(w.size(1), w.size(2), w.size(3));
                w.get(NDArrayIndex.point(f), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(filter);
            }
            net.getLayer(i).paramTable().get("b").assign(0);
        }
    }

    static boolean previousIsSpatial(ModelSpec spec, int i) {
        for (int k = i - 1; k >= 0; k--) {
            String t = spec.layers.get(k).type;
            if (t.equals("conv") || t.equals("maxpool")) return true;
            if (t.equals("dense")) return false;
        }
        return false;
    }

    static WeightInitDistribution uniform(int fanIn) {
        double bound = 1 / Math.sqrt(fanIn);
        return new WeightInitDistribution(new UniformDistribution(-bound, bound));
    }

    /**
     * PyTorch draws biases from U(-1/sqrt(fanIn), 1/sqrt(fanIn)) too; DL4J starts them at 0. A depthwise kernel
     * ({@code [kH, kW, nIn, 1]}) has fan-in kH kW.
     */
    static void initBiasesLikePyTorch(org.deeplearning4j.nn.api.Layer[] layers, long seed) {
        Random rnd = new Random(seed ^ 0x9E3779B97F4A7C15L);
        for (org.deeplearning4j.nn.api.Layer layer : layers) {
            INDArray wArr = layer.paramTable().get("W");
            INDArray bArr = layer.paramTable().get("b");
            if (wArr == null || bArr == null) continue;
            long fanIn = layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D ? wArr.size(0) * wArr.size(1)
                    : wArr.rank() == 4 ? wArr.size(1) * wArr.size(2) * wArr.size(3) : wArr.size(0);
            double bound = 1 / Math.sqrt(fanIn);
            for (long j = 0; j < bArr.length(); j++) bArr.putScalar(j, (rnd.nextDouble() * 2 - 1) * bound);
        }
    }

    static Activation activation(ModelSpec.LayerSpec l, int i) {
        String a = l.activation != null ? l.activation : l.type.equals("output") ? "softmax" : l.type.equals("batchnorm") ? "identity" : "relu";
        try {
            return Activation.fromString(a);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("layers[" + i + "].activation '" + a + "' is not a DL4J activation");
        }
    }

    private static IUpdater updater(ModelSpec spec) {
        return spec.updater.equals("sgd") ? new Sgd(spec.learningRate) : new Adam(spec.learningRate);
    }
}
