package org.neuralgraph.core.netfragment;

import java.util.Arrays;

/**
 * What one weight layer (convolution or dense) receives and produces for one input image, as plain arrays: the input
 * to a {@link ContributionGraph} (the net-fragment study, Section 4.1: "the activations of each layer" are stored and "investigated
 * for net fragments").
 *
 * <p>A shape is {@code {channels, height, width}} for a spatial tensor (values in that order, NCHW without the batch)
 * or {@code {n}} for a flat one. The input is what the layer actually receives: for the first layer the image, after
 * a max-pooling layer the pooled maps, for a dense layer after a convolution the maps before DL4J flattens them
 * ({@code channels x height x width}, flattened in that order). The output is the layer's post-activation value (after
 * ReLU, or softmax for the output layer). {@code stride} is the convolution stride (the same along both axes); it is 1
 * and ignored for a dense layer. Convolutions are taken without padding.
 */
public final class LayerSignal {

    private final int[] inputShape;
    private final double[] input;
    private final int[] outputShape;
    private final double[] output;
    private final int stride;

    /**
     * @param input  values in the order of {@code inputShape}; kept, not copied
     * @param output values in the order of {@code outputShape}; kept, not copied
     * @throws IllegalArgumentException when a shape is not 1-D or 3-D with positive sizes, disagrees with its values,
     *                                  a value is NaN or infinite, or the stride is below 1
     */
    public LayerSignal(int[] inputShape, double[] input, int[] outputShape, double[] output, int stride) {
        this.inputShape = checkShape("input", inputShape, input);
        this.outputShape = checkShape("output", outputShape, output);
        if (stride < 1) throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        this.input = input;
        this.output = output;
        this.stride = stride;
    }

    /** A dense layer's signal: any input shape, a flat output. */
    public static LayerSignal dense(int[] inputShape, double[] input, double[] output) {
        return new LayerSignal(inputShape, input, new int[]{output.length}, output, 1);
    }

    /** A convolution's signal: both shapes {@code {channels, height, width}}. */
    public static LayerSignal convolution(int[] inputShape, double[] input, int[] outputShape, double[] output, int stride) {
        if (inputShape.length != 3 || outputShape.length != 3) {
            throw new IllegalArgumentException("a convolution's input and output are {channels, height, width}, got "
                    + Arrays.toString(inputShape) + " and " + Arrays.toString(outputShape));
        }
        return new LayerSignal(inputShape, input, outputShape, output, stride);
    }

    /** {@code {channels, height, width}} or {@code {n}}, a copy. */
    public int[] inputShape() { return inputShape.clone(); }
    /** The input values; must not be modified. */
    public double[] input() { return input; }
    /** {@code {channels, height, width}} or {@code {n}}, a copy. */
    public int[] outputShape() { return outputShape.clone(); }
    /** The post-activation output values; must not be modified. */
    public double[] output() { return output; }
    public int stride() { return stride; }

    public boolean spatialInput() { return inputShape.length == 3; }
    public boolean spatialOutput() { return outputShape.length == 3; }

    /** Input channels (spatial input) or input values (flat input). */
    public int inputUnits() { return inputShape[0]; }
    /** Values per input unit: {@code height * width}, or 1 for a flat input. */
    public int inputPositions() { return spatialInput() ? inputShape[1] * inputShape[2] : 1; }
    /** Output channels or neurons. */
    public int outputUnits() { return outputShape[0]; }
    /** Values per output unit: {@code height * width}, or 1 for a flat output. */
    public int outputPositions() { return spatialOutput() ? outputShape[1] * outputShape[2] : 1; }

    /** The mean output of {@code unit} over its positions (its value, for a neuron). */
    public double meanOutput(int unit) {
        int p = outputPositions();
        double s = 0;
        for (int i = unit * p; i < (unit + 1) * p; i++) s += output[i];
        return s / p;
    }

    private static int[] checkShape(String what, int[] shape, double[] values) {
        if (shape == null || (shape.length != 1 && shape.length != 3)) {
            throw new IllegalArgumentException(what + " shape must be {channels, height, width} or {n}, got " + Arrays.toString(shape));
        }
        long n = 1;
        for (int s : shape) {
            if (s < 1) throw new IllegalArgumentException(what + " shape " + Arrays.toString(shape) + " has a size below 1");
            n *= s;
        }
        if (values.length != n) throw new IllegalArgumentException(what + " has " + values.length + " values, shape " + Arrays.toString(shape) + " needs " + n);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) throw new IllegalArgumentException(what + " value " + i + " is " + values[i]);
        }
        return shape.clone();
    }
}
