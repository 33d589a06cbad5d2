package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.neuralgraph.dl4j.TrainingShortcuts.Shortcut;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lets the backward pass of a network's dense and convolution layers with ReLU use the activations of the forward
 * pass instead of computing the layer's pre-activation {@code z} again.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code BaseLayer.backpropGradient} and {@code ConvolutionLayer.backpropGradient} start by
 * recomputing {@code z} ({@code xW + b}, or the whole convolution) to get the activation's derivative; on this project's
 * 2-core machine that repetition was about 15 % of a training step of mlp-seed000 (784-50-50-50-10) and of LeNet
 * (issue 2). For ReLU the derivative needs only where {@code z > 0}, and that is exactly where the activation
 * {@code relu(z) > 0}, so the activation stands in for {@code z}: DL4J's
 * {@code ActivationReLU.backprop} writes its result to a new array and leaves its input alone, and the activation array
 * stays valid until the step ends (the next layer's backward pass reads it as its input). Gradients are the same numbers
 * ({@code ReluActivationsTest}).
 *
 * <p>DL4J creates its layer objects from the configuration in {@code init()}; {@link #install} replaces each plain
 * {@link DenseLayer} and {@link ConvolutionLayer} with standard ReLU (no threshold, slope or maximum), no layer
 * normalisation, no weight noise and (convolutions) NCHW data by a {@link ReusingDenseLayer} or
 * {@link ReusingConvolutionLayer} over the same configuration, parameter views, gradient views and convolution helper.
 * The configuration and saved model zips are DL4J's own.
 *
 * <p>On unless {@link TrainingShortcuts} says otherwise ({@code -Dneuralgraph.shortcut.reluActivations=false}); when a
 * layer cannot be replaced, a warning says so and that layer stays DL4J's.
 */
final class ReluActivations {

    private ReluActivations() { }

    /**
     * Replaces the eligible dense and convolution layers of {@code net} in its layer array (see {@link ReluActivations})
     * when {@link TrainingShortcuts} has the shortcut on; returns {@code net}. DL4J's name-to-layer map
     * ({@code getLayer(String)}) keeps the original objects, which share the same parameters but would recompute
     * {@code z}; nothing here looks layers up by name.
     */
    static MultiLayerNetwork install(MultiLayerNetwork net) {
        if (!TrainingShortcuts.isOn(Shortcut.RELU_ACTIVATIONS)) return net;
        if (net.getFlattenedGradients() == null) net.initGradientsView(); // DL4J makes the gradient views lazily
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer replacement = null;
            try {
                if (layers[i].getClass() == DenseLayer.class && plainRelu(layers[i].conf())
                        && !((org.deeplearning4j.nn.conf.layers.DenseLayer) layers[i].conf().getLayer()).hasLayerNorm()) {
                    replacement = new ReusingDenseLayer((DenseLayer) layers[i]);
                } else if (layers[i].getClass() == ConvolutionLayer.class && plainRelu(layers[i].conf())
                        && ((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layers[i].conf().getLayer()).getCnn2dDataFormat() == CNN2DFormat.NCHW) {
                    replacement = new ReusingConvolutionLayer((ConvolutionLayer) layers[i]);
                }
            } catch (RuntimeException e) { // e.g. a layer whose configuration is not of the expected class
                TrainingShortcuts.cannotInstall(Shortcut.RELU_ACTIVATIONS, "replacing a " + layers[i].getClass().getSimpleName() + " threw "
                        + e.getClass().getName());
                continue;
            }
            if (replacement == null) continue;
            layers[i] = replacement;
            if (net.getLayer(i) != replacement) { // getLayers() returned a copy: nothing was replaced
                TrainingShortcuts.cannotInstall(Shortcut.RELU_ACTIVATIONS, "MultiLayerNetwork.getLayers() is not the network's own layer array");
                return net;
            }
        }
        return net;
    }

    /** A layer with a default ActivationReLU (no threshold, negative slope or maximum) and no weight noise. */
    private static boolean plainRelu(NeuralNetConfiguration conf) {
        BaseLayer c = (BaseLayer) conf.getLayer();
        return c.getWeightNoise() == null && c.getActivationFn() != null && c.getActivationFn().getClass() == ActivationReLU.class
                && c.getActivationFn().equals(new ActivationReLU());
    }

    /** Gives {@code layer} what DL4J's {@code init()} gave {@code of}: index, listeners, parameter and gradient views, counts. */
    private static void copyState(org.deeplearning4j.nn.layers.BaseLayer<?> layer, org.deeplearning4j.nn.layers.BaseLayer<?> of) {
        layer.setIndex(of.getIndex());
        layer.setListeners(of.getListeners());
        layer.setParamsViewArray(of.params());
        layer.setParamTable(of.paramTable());
        layer.setBackpropGradientsViewArray(of.getGradientsViewArray());
        layer.setIterationCount(of.getIterationCount());
        layer.setEpochCount(of.getEpochCount());
    }

    /**
     * A layer's last training-mode forward pass: its input (after dropout, as the backward pass sees it) and its ReLU
     * activations, handed to the backward pass once.
     */
    static final class ForwardActivations {

        private INDArray input, activations;
        /** How many backward passes used the forward activations (for tests). */
        int reused;

        void remember(boolean training, INDArray mask, INDArray layerInput, INDArray a) {
            input = training && mask == null ? layerInput : null;
            activations = input == null ? null : a;
        }

        /** The activations of the forward pass on {@code layerInput}, or null when there is none to stand in for z. */
        INDArray take(boolean training, boolean forBackprop, INDArray layerInput) {
            if (!training || !forBackprop || activations == null || input != layerInput) return null;
            INDArray a = activations;
            forget(); // once per forward pass
            reused++;
            return a;
        }

        void forget() {
            input = activations = null;
        }
    }

    /** DL4J's dense layer, whose backward pass takes {@code z} from the forward pass's ReLU activations. */
    static final class ReusingDenseLayer extends DenseLayer {

        final ForwardActivations forward = new ForwardActivations();

        ReusingDenseLayer(DenseLayer of) {
            super(of.conf(), of.getParam("W").dataType());
            copyState(this, of);
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            INDArray a = super.activate(training, workspaceMgr);
            forward.remember(training, maskArray, input, a);
            return a;
        }

        @Override
        protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            INDArray a = forward.take(training, forBackprop, input);
            return a != null ? new Pair<>(a, null) : super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }

        @Override
        public void clear() {
            super.clear();
            forward.forget();
        }
    }

    /**
     * DL4J's convolution layer, whose backward pass takes {@code z} from the forward pass's ReLU activations; DL4J
     * recomputes the im2col buffer it then lacks when it runs its own code instead of the helper.
     */
    static final class ReusingConvolutionLayer extends ConvolutionLayer {

        final ForwardActivations forward = new ForwardActivations();

        ReusingConvolutionLayer(ConvolutionLayer of) {
            super(of.conf(), of.getParam("W").dataType());
            copyState(this, of);
            helper = (ConvolutionHelper) of.getHelper();
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
            INDArray a = super.activate(training, workspaceMgr);
            forward.remember(training, maskArray, input, a);
            return a;
        }

        @Override
        protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
            INDArray a = forward.take(training, forBackprop, input);
            return a != null ? new Pair<>(a, null) : super.preOutput(training, forBackprop, workspaceMgr);
        }

        @Override
        public void clear() {
            super.clear();
            forward.forget();
        }
    }
}
