package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.neuralgraph.dl4j.TrainingShortcuts.Shortcut;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Trains a network whose first layer is a convolution without computing the gradient with respect to the network's
 * input, which {@code fit} throws away (DL4J's {@code computeGradientAndScore} asks for no input gradient, but its
 * layers compute one anyway).
 *
 * <p>Why: libnd4j's {@code conv2d_bp} always computes the input gradient, and for LeNet's first layer (one input
 * channel, 6 filters 5x5 on 28x28 images, batch 64) it took 5.5-6.5 ms per step on this project's 2-core machine, about
 * 40 % of a whole training step; the same layer's forward {@code conv2d} takes 0.8 ms (issue 2). The weight gradient
 * alone is itself a convolution: {@code dW[o, c, i, j] = sum over n, y, x of input[n, c, y + i, x + j] delta[n, o, y, x]}, the
 * input with the batch as channels ({@code [C, N, H, W]}) convolved with the output gradient with the batch as channels
 * ({@code [O, N, H', W']}, as kernels), giving {@code [C, O, kH, kW]}; the bias gradient is the output gradient summed
 * over batch and positions. That takes 1.0-1.5 ms, both transposes included, and equals {@code conv2d_bp}'s weight and
 * bias gradients within float rounding ({@code InputConvolutionTest}).
 *
 * <p>Only while training: {@link #withoutInputGradient} gives the first layer a {@link WeightGradientsOnly} helper and
 * its {@link Scope} puts the layer's previous helper back, so that a network handed on afterwards computes input
 * gradients again (activation maximisation needs them). Layers other than the first, strided, padded or dilated
 * convolutions and NHWC data keep {@code conv2d_bp}.
 *
 * <p>On unless {@link TrainingShortcuts} says otherwise ({@code -Dneuralgraph.shortcut.inputConvolution=false}, or
 * anything that turns {@link ConvolutionOps} off, whose helper this one replaces); when the first layer is a
 * convolution without that helper although {@link ConvolutionOps} is on, a warning says so and the layer keeps
 * {@code conv2d_bp} or DL4J's own code.
 */
final class InputConvolution {

    private InputConvolution() { }

    /** Undoes {@link #withoutInputGradient}. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Gives {@code net}'s first layer a {@link WeightGradientsOnly} helper when it is a plain {@link ConvolutionLayer}
     * (or {@link ReluActivations}' one) on {@link ConvolutionOps}' route and {@link TrainingShortcuts} has the shortcut on.
     */
    static Scope withoutInputGradient(MultiLayerNetwork net) {
        if (!TrainingShortcuts.isOn(Shortcut.INPUT_CONVOLUTION)) return () -> { };
        Layer first = net.getnLayers() > 0 ? net.getLayer(0) : null;
        boolean convolution = first != null && (first.getClass() == ConvolutionLayer.class || first.getClass() == ReluActivations.ReusingConvolutionLayer.class);
        if (!convolution || first.getHelper() instanceof WeightGradientsOnly) return () -> { };
        if (first.getHelper() == null || first.getHelper().getClass() != MKLDNNConvHelper.class) {
            TrainingShortcuts.cannotInstall(Shortcut.INPUT_CONVOLUTION, "the first convolution layer's helper is "
                    + (first.getHelper() == null ? "none" : first.getHelper().getClass().getName()) + ", not ConvolutionOps' MKLDNNConvHelper");
            return () -> { };
        }
        ConvolutionLayer conv = (ConvolutionLayer) first;
        WeightGradientsOnly helper = new WeightGradientsOnly(conv.getParam("W").dataType());
        ConvolutionHelper before = ConvolutionOps.swapHelper(conv, helper);
        if (conv.getHelper() != helper) {
            TrainingShortcuts.cannotInstall(Shortcut.INPUT_CONVOLUTION, "ConvolutionLayer's helper could not be replaced");
            return () -> { };
        }
        return () -> ConvolutionOps.swapHelper(conv, before);
    }

    /**
     * DL4J's {@link MKLDNNConvHelper} whose backward pass computes only the weight and bias gradients (see
     * {@link InputConvolution}) and returns zeros as the input gradient; anything but a float32 NCHW convolution with
     * stride 1, no padding and no dilation goes to {@code conv2d_bp} as before.
     */
    static final class WeightGradientsOnly extends MKLDNNConvHelper {

        WeightGradientsOnly(DataType dataType) {
            super(dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta, int[] kernel,
                                                         int[] strides, int[] pad, INDArray biasGradView, INDArray weightGradView,
                                                         IActivation afn, org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode mode,
                                                         org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
                                                         org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo bwdDataAlgo,
                                                         ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
                                                         LayerWorkspaceMgr workspaceMgr) {
            boolean plain = input.dataType() == DataType.FLOAT && delta.dataType() == DataType.FLOAT && input.rank() == 4
                    && format == CNN2DFormat.NCHW && convolutionMode != ConvolutionMode.Same
                    && Arrays.equals(strides, new int[]{1, 1}) && Arrays.equals(pad, new int[]{0, 0}) && Arrays.equals(dilation, new int[]{1, 1});
            if (!plain) {
                return super.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView, afn, mode,
                        bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
            }
            long n = input.size(0), c = input.size(1), o = delta.size(1);
            INDArray inputByChannel = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                    new long[]{c, n, input.size(2), input.size(3)}, 'c').assign(input.permute(1, 0, 2, 3));
            INDArray deltaByChannel = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                    new long[]{o, n, delta.size(2), delta.size(3)}, 'c').assign(delta.permute(1, 0, 2, 3));
            INDArray dW = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, new long[]{c, o, kernel[0], kernel[1]}, 'c');
            // conv2d: kernel = the output gradient's spatial size, stride 1, no padding, dilation 1, VALID, NCHW, weights [oC, iC, kH, kW]
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(inputByChannel, deltaByChannel).addOutputs(dW)
                    .addIntegerArguments((int) delta.size(2), (int) delta.size(3), 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
            weightGradView.assign(dW.permute(1, 0, 2, 3));
            Gradient g = new DefaultGradient();
            if (biasGradView != null) {
                biasGradView.assign(delta.sum(0, 2, 3).reshape(biasGradView.shape()));
                g.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
            }
            g.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
            return new Pair<>(g, workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape())); // not computed: zeros
        }
    }
}
