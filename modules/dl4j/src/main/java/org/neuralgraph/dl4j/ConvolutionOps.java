package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.dl4j.TrainingShortcuts.Shortcut;

import java.lang.reflect.Field;

/**
 * Runs the convolution layers of a DL4J network through libnd4j's {@code conv2d} and {@code conv2d_bp} ops instead
 * of DL4J's own im2col + GEMM code, without changing the network: its configuration, parameters and saved model zip
 * stay those of a standard DL4J {@code ConvolutionLayer}.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code ConvolutionLayer} writes im2col into a permuted array, and that copy was 85 % of
 * a LeNet epoch's native time (71 s per Fashion-MNIST epoch against PyTorch's 7.6 s). The same layer consults a
 * {@link ConvolutionHelper} first, in its forward pass ({@code preOutput}) and its backward pass
 * ({@code backpropGradient}), and falls back to its own code when the helper returns null or throws (unless the
 * layer's {@code cudnnAllowFallback} is off). DL4J's own {@link MKLDNNConvHelper} is that helper for the CPU: it
 * calls {@code conv2d} / {@code conv2d_bp} with the layer's NCHW data, {@code [oC, iC, kH, kW]} weights, stride,
 * padding, dilation and convolution mode, and only for float32. DL4J never installs it in M2.1: helpers are off by
 * default, and when switched on ({@code org.eclipse.deeplearning4j.helpers.disable=false}) its availability check
 * looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class M2.1 no longer has, and removes it. The layer
 * keeps the helper in a protected field with no setter, so {@link #install} sets that field by reflection.
 *
 * <p>Measured for LeNet at batch 64 on 2 cores (docs/benchmarks.md; {@code ConvOpsBench}):
 * with the oneDNN build of ND4J (the project's natives) the ops take 7-9 ms per batch for both convolutions (two
 * forward passes and one backward each) against 80-150 ms in DL4J's layers; a training step drops from about 100
 * to 25 ms, a Fashion-MNIST epoch from 81 to 19 s. With the plain build the same ops run libnd4j's own im2col code
 * and a step drops only to about 82 ms. The results equal DL4J's own code within float rounding
 * ({@code ConvolutionOpsTest}).
 *
 * <p>On unless {@link TrainingShortcuts} says otherwise ({@code -Dneuralgraph.shortcut.conv2dOps=false}, its old name
 * {@code -Dneuralgraph.conv2dOps=false}, {@code -Dneuralgraph.shortcuts=false}, or a DL4J other than 1.0.0-M2.1); when
 * the helper field is missing or setting it has no effect, a warning says so and the layers keep DL4J's own code.
 */
public final class ConvolutionOps {

    private static final Field HELPER = helperField();

    private ConvolutionOps() { }

    /**
     * Gives every plain {@link ConvolutionLayer} of {@code net} (not its 1-D, depthwise, separable or transposed
     * subclasses) that has no helper yet a {@link MKLDNNConvHelper}; a no-op when {@link TrainingShortcuts} has the
     * shortcut off. Call it after the network is built or loaded: DL4J creates new layer objects in {@code init()}
     * and {@code clone()}.
     *
     * @return {@code net}
     */
    public static MultiLayerNetwork install(MultiLayerNetwork net) {
        if (!TrainingShortcuts.isOn(Shortcut.CONV2D_OPS)) return net;
        if (HELPER == null) {
            TrainingShortcuts.cannotInstall(Shortcut.CONV2D_OPS, "DL4J's ConvolutionLayer has no field 'helper' of type ConvolutionHelper");
            return net;
        }
        for (Layer l : net.getLayers()) {
            if (l.getClass() != ConvolutionLayer.class || l.getHelper() != null) continue;
            MKLDNNConvHelper helper = new MKLDNNConvHelper(l.getParam("W").dataType());
            try {
                HELPER.set(l, helper);
            } catch (IllegalAccessException | RuntimeException e) {
                TrainingShortcuts.cannotInstall(Shortcut.CONV2D_OPS, "setting ConvolutionLayer's field 'helper' threw " + e.getClass().getName());
                return net;
            }
            if (l.getHelper() != helper) { // getHelper() reads another field: the layer would never consult ours
                swapHelper((ConvolutionLayer) l, null);
                TrainingShortcuts.cannotInstall(Shortcut.CONV2D_OPS, "ConvolutionLayer.getHelper() does not return its field 'helper'");
                return net;
            }
        }
        return net;
    }

    /**
     * Puts {@code helper} into the layer's helper field (null: DL4J's own code) and returns the one it replaces, or
     * returns {@code helper} itself and changes nothing when this DL4J has no such field.
     */
    static ConvolutionHelper swapHelper(ConvolutionLayer layer, ConvolutionHelper helper) {
        if (HELPER == null) return helper;
        try {
            ConvolutionHelper before = (ConvolutionHelper) HELPER.get(layer);
            HELPER.set(layer, helper);
            return before;
        } catch (IllegalAccessException e) {
            return helper;
        }
    }

    /** The layer's {@code helper} field, or null when this DL4J has none that takes a ConvolutionHelper. */
    private static Field helperField() {
        try {
            Field f = ConvolutionLayer.class.getDeclaredField("helper");
            if (!f.getType().isAssignableFrom(MKLDNNConvHelper.class)) return null;
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
