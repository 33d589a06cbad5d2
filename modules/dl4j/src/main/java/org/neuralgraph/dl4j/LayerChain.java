package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.neuralgraph.core.weights.LayerWeights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward chain of dense, convolution and pooling layers read from another framework's file ({@link OnnxNetworks},
 * {@link KerasModels}), and the DL4J network the project analyses built from it, in the form {@link ModelFactory} gives
 * its own networks: maps in NCHW, images taken flattened ({@code InputType.convolutionalFlat}; DL4J inserts the
 * CNN-to-dense preprocessor, which flattens channel-major as {@code torch.flatten} does), the last dense layer an
 * {@link OutputLayer}. Weights come in the project's layout ({@link LayerWeights}: dense {@code [in, out]} with the inputs
 * of a dense layer after a convolution in channel, row, column order; convolution {@code [out, in, kH, kW]}) and are
 * copied in float32 without rounding.
 *
 * <p>The output layer's loss, which neither file format carries, is cross-entropy for a softmax output and squared
 * error otherwise; nothing of the project trains a loaded network's output layer (the capacitance probe replaces it).
 * The updater is Adam with learning rate {@value #UPDATER_LEARNING_RATE}, which fine-tuning overrides.
 */
final class LayerChain {

    /** Learning rate of the Adam updater a built network carries. */
    static final double UPDATER_LEARNING_RATE = 1e-3;

    /** One layer: dense or convolution (with weights) or pooling. */
    static final class Step {
        /** The node or layer of the file it comes from, for errors. */
        final String source;
        /** Convolution or pooling configuration (NCHW); null for a dense layer. */
        final Layer layer;
        /** Null for pooling. */
        final LayerWeights weights;
        /** Null: identity. */
        IActivation activation;

        private Step(String source, Layer layer, LayerWeights weights) {
            this.source = source;
            this.layer = layer;
            this.weights = weights;
        }

        boolean dense() { return weights != null && weights.kind() == LayerWeights.Kind.DENSE; }
        boolean convolution() { return weights != null && weights.kind() == LayerWeights.Kind.CONVOLUTION; }
        boolean pooling() { return weights == null; }
        boolean maxPooling() { return pooling() && ((SubsamplingLayer) layer).getPoolingType() == org.deeplearning4j.nn.conf.layers.PoolingType.MAX; }
    }

    private final List<Step> steps = new ArrayList<>();
    private final int channels, height, width, features;

    private LayerChain(int channels, int height, int width, int features) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.features = features;
    }

    /** A chain that reads images of {@code channels x height x width}. */
    static LayerChain ofImages(int channels, int height, int width) {
        return new LayerChain(channels, height, width, channels * height * width);
    }

    /** A chain that reads {@code features} values per sample. */
    static LayerChain ofFeatures(int features) {
        return new LayerChain(0, 0, 0, features);
    }

    static Step dense(String source, LayerWeights w) {
        return new Step(source, null, w);
    }

    static Step convolution(String source, LayerWeights w, int[] stride, int[] padding, int[] dilation, ConvolutionMode mode) {
        return new Step(source, new ConvolutionLayer.Builder(w.kernelH(), w.kernelW()).stride(stride).padding(padding).dilation(dilation)
                .convolutionMode(mode).nOut(w.nOut()).hasBias(w.hasBias()).build(), w);
    }

    static Step pooling(String source, boolean max, int[] kernel, int[] stride, ConvolutionMode mode) {
        return new Step(source, new SubsamplingLayer.Builder(max ? SubsamplingLayer.PoolingType.MAX : SubsamplingLayer.PoolingType.AVG)
                .kernelSize(kernel).stride(stride).convolutionMode(mode).build(), null);
    }

    void add(Step s) {
        steps.add(s);
    }

    /** The steps so far; the last one, or null. */
    List<Step> steps() { return Collections.unmodifiableList(steps); }

    Step last() { return steps.isEmpty() ? null : steps.get(steps.size() - 1); }

    /** The configured network with the chain's weights. */
    MultiLayerNetwork network() {
        if (steps.isEmpty()) throw new IllegalArgumentException("the model has no layer");
        int lastDense = -1;
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).dense()) lastDense = i;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(new Adam(UPDATER_LEARNING_RATE))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            IActivation act = st.activation != null ? st.activation : Activation.IDENTITY.getActivationFunction();
            Layer layer = st.layer;
            if (st.dense()) {
                LayerWeights lw = st.weights;
                layer = i == lastDense
                        ? new OutputLayer.Builder(act instanceof ActivationSoftmax ? LossFunctions.LossFunction.MCXENT : LossFunctions.LossFunction.MSE)
                                .nOut(lw.nOut()).activation(act).hasBias(lw.hasBias()).build()
                        : new DenseLayer.Builder().nOut(lw.nOut()).activation(act).hasBias(lw.hasBias()).build();
            } else if (st.convolution()) {
                ((ConvolutionLayer) layer).setActivationFn(act);
            }
            list.layer(layer);
        }
        Step first = steps.get(0);
        list.setInputType(height > 0 && !first.dense() ? InputType.convolutionalFlat(height, width, channels) : InputType.feedForward(features));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        for (int i = 0; i < steps.size(); i++) {
            LayerWeights lw = steps.get(i).weights;
            if (lw == null) continue;
            long[] shape = lw.kind() == LayerWeights.Kind.DENSE ? new long[]{lw.nIn(), lw.nOut()}
                    : new long[]{lw.nOut(), lw.nIn(), lw.kernelH(), lw.kernelW()};
            net.getLayer(i).setParam("W", Nd4j.create(lw.rawWeights(), shape, 'c').castTo(DataType.FLOAT));
            if (lw.hasBias()) {
                double[] b = new double[lw.nOut()];
                for (int j = 0; j < b.length; j++) b[j] = lw.bias(j);
                net.getLayer(i).setParam("b", Nd4j.create(b, new long[]{1, lw.nOut()}, 'c').castTo(DataType.FLOAT));
            }
        }
        return ConvolutionOps.install(net);
    }
}
