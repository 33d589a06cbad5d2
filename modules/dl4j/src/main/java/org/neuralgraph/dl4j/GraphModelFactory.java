package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J {@link ComputationGraph} of a residual CNN's {@link ModelSpec} ({@link ModelSpec#needsGraph()}).
 * Layer {@code i} of the spec is the vertex {@code L<i>} (the output layer is {@code output}); a {@code residual}
 * layer is He et al. 2016's basic block (Sec. 3.3, Fig. 2; torchvision's {@code BasicBlock}):
 * <pre>
 *   L&lt;i&gt;_conv1 (k x k, stride s, no bias) - L&lt;i&gt;_relu1_bn - L&lt;i&gt;_relu1 - L&lt;i&gt;_conv2 (k x k, no bias) - L&lt;i&gt;_bn2
 *   shortcut: the block's input (identity), or L&lt;i&gt;_proj (1x1, stride s, no bias) - L&lt;i&gt;_proj_bn (projection, option B)
 *   L&lt;i&gt;_add = L&lt;i&gt;_bn2 + shortcut (ElementWiseVertex Add), L&lt;i&gt; = ReLU(L&lt;i&gt;_add)
 * </pre>
 * {@code batchnorm} is DL4J's {@link BatchNormalization} (Ioffe and Szegedy 2015, Alg. 1 in training, the running
 * mean and variance at inference), followed by an {@link ActivationLayer} of the layer's activation unless that is the
 * identity (its default): DL4J's BatchNormalization ignores an activation of its own, {@code depthwise} a
 * {@link DepthwiseConvolution2D} with depth multiplier 1 (MobileNet's depthwise convolution, Howard et al. 2017, Sec.
 * 3.1), {@code globalavgpool} a {@link GlobalPoolingLayer} of the mean. Residual and depthwise convolutions are
 * zero-padded ({@link ConvolutionMode#Same}); plain convolutions and pooling are not, as in {@link ModelFactory}.
 * Initialisation, updater and dropout are the spec's, as {@link ModelFactory} reads them.
 */
public final class GraphModelFactory {

    private GraphModelFactory() { }

    /** The output vertex's name. */
    public static final String OUTPUT = "output";

    /** Builds and initialises the graph (float32, seeded by {@code spec.seed}). */
    public static ComputationGraph build(ModelSpec spec) {
        spec.validate();
        SpecShapes shapes = new SpecShapes(spec);
        boolean pytorch = spec.weightInit.equals("pytorch-default");
        ComputationGraphConfiguration.GraphBuilder g = ModelFactory.global(spec).graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutionalFlat(spec.height, spec.width, spec.channels));
        String prev = "input";
        int last = spec.layers.size() - 1;
        for (int i = 0; i <= last; i++) {
            ModelSpec.LayerSpec l = spec.layers.get(i);
            String name = i == last ? OUTPUT : "L" + i;
            Activation act = ModelFactory.activation(l, i);
            int in = shapes.inputs[i];
            switch (l.type) {
                case "conv": {
                    ConvolutionLayer.Builder b = new ConvolutionLayer.Builder(l.kernel, l.kernel).stride(l.stride, l.stride).nOut(l.units).activation(act);
                    if (pytorch) b.weightInit(ModelFactory.uniform(in * l.kernel * l.kernel));
                    g.addLayer(name, b.build(), prev);
                    break;
                }
                case "maxpool":
                    g.addLayer(name, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                            .kernelSize(l.kernel, l.kernel).stride(l.stride, l.stride).build(), prev);
                    break;
                case "batchnorm":
                    batchNorm(g, name, prev, act);
                    break;
                case "depthwise": {
                    DepthwiseConvolution2D.Builder b = new DepthwiseConvolution2D.Builder(l.kernel, l.kernel).stride(l.stride, l.stride)
                            .depthMultiplier(1).convolutionMode(ConvolutionMode.Same);
                    b.nOut(in);
                    b.activation(act);
                    if (pytorch) b.weightInit(ModelFactory.uniform(l.kernel * l.kernel));
                    g.addLayer(name, b.build(), prev);
                    break;
                }
                case "residual":
                    basicBlock(g, name, prev, l, in, shapes.projection[i], pytorch);
                    break;
                case "globalavgpool":
                    g.addLayer(name, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), prev);
                    break;
                case "dense":
                case "output": {
                    int fanIn = in * (i > 0 ? shapes.heights[i - 1] * shapes.widths[i - 1] : spec.height * spec.width);
                    boolean dropInput = spec.dropout > 0 && i > 0 && spec.layers.get(i - 1).type.equals("dense");
                    if (l.type.equals("dense")) {
                        DenseLayer.Builder b = new DenseLayer.Builder().nOut(l.units).activation(act);
                        if (dropInput) b.dropOut(1 - spec.dropout);
                        if (pytorch) b.weightInit(ModelFactory.uniform(fanIn));
                        g.addLayer(name, b.build(), prev);
                    } else {
                        OutputLayer.Builder b = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(l.units).activation(act);
                        if (dropInput) b.dropOut(1 - spec.dropout);
                        if (pytorch) b.weightInit(ModelFactory.uniform(fanIn));
                        g.addLayer(name, b.build(), prev);
                    }
                    break;
                }
                default:
                    throw new IllegalArgumentException("layers[" + i + "].type " + l.type);
            }
            prev = name;
        }
        g.setOutputs(OUTPUT);
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        if (pytorch) ModelFactory.initBiasesLikePyTorch(net.getLayers(), spec.seed);
        return net;
    }

    /** He et al. 2016's basic block under the vertex name {@code name}, reading {@code from}. */
    private static void basicBlock(ComputationGraphConfiguration.GraphBuilder g, String name, String from, ModelSpec.LayerSpec l,
                                   int in, boolean projection, boolean pytorch) {
        g.addLayer(name + "_conv1", conv(l.kernel, l.stride, l.units, in, pytorch), from);
        batchNorm(g, name + "_relu1", name + "_conv1", Activation.RELU);
        g.addLayer(name + "_conv2", conv(l.kernel, 1, l.units, l.units, pytorch), name + "_relu1");
        g.addLayer(name + "_bn2", new BatchNormalization.Builder().activation(Activation.IDENTITY).build(), name + "_conv2");
        String shortcut = from;
        if (projection) {
            g.addLayer(name + "_proj", conv(1, l.stride, l.units, in, pytorch), from);
            g.addLayer(name + "_proj_bn", new BatchNormalization.Builder().activation(Activation.IDENTITY).build(), name + "_proj");
            shortcut = name + "_proj_bn";
        }
        g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), name + "_bn2", shortcut);
        g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_add");
    }

    /**
     * Batch normalisation of {@code from}, then {@code activation}, ending in the vertex {@code name}: DL4J's
     * BatchNormalization layer ignores an activation set on it (it returns its normalised pre-output), so a
     * non-identity activation is an ActivationLayer {@code name} after the normalisation {@code name_bn}.
     */
    private static void batchNorm(ComputationGraphConfiguration.GraphBuilder g, String name, String from, Activation activation) {
        if (activation == Activation.IDENTITY) {
            g.addLayer(name, new BatchNormalization.Builder().activation(Activation.IDENTITY).build(), from);
            return;
        }
        g.addLayer(name + "_bn", new BatchNormalization.Builder().activation(Activation.IDENTITY).build(), from);
        g.addLayer(name, new ActivationLayer.Builder().activation(activation).build(), name + "_bn");
    }

    /** A zero-padded convolution without bias (batch normalisation follows), linear. */
    private static ConvolutionLayer conv(int kernel, int stride, int out, int in, boolean pytorch) {
        ConvolutionLayer.Builder b = new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(out)
                .convolutionMode(ConvolutionMode.Same).hasBias(false).activation(Activation.IDENTITY);
        if (pytorch) b.weightInit(ModelFactory.uniform(in * kernel * kernel));
        return b.build();
    }
}
