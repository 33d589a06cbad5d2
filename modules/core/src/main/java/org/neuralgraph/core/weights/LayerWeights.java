package org.neuralgraph.core.weights;

/**
 * The trained parameters of one layer, copied out of the deep-learning framework into plain arrays.
 *
 * <p>Dense layers store {@code w[i * nOut + j]} = weight from input unit {@code i} to output unit {@code j}
 * (DL4J's {@code [nIn, nOut]} order, row-major). Convolution layers store
 * {@code w[((o * nIn + c) * kernelH + y) * kernelW + x]} = weight of output channel {@code o}, input channel
 * {@code c}, kernel position {@code (y, x)} (DL4J's {@code [nOut, nIn, kH, kW]} order). {@code bias} has
 * {@code nOut} values, or is null for a layer without bias.
 */
public final class LayerWeights {

    /** What kind of layer the weights belong to. */
    public enum Kind { DENSE, CONVOLUTION }

    private final String name;
    private final Kind kind;
    private final int nIn;
    private final int nOut;
    private final int kernelH;
    private final int kernelW;
    private final double[] w;
    private final double[] bias;
    private final String activation;

    private LayerWeights(String name, Kind kind, int nIn, int nOut, int kernelH, int kernelW,
                         double[] w, double[] bias, String activation) {
        if (nIn <= 0 || nOut <= 0 || kernelH <= 0 || kernelW <= 0) {
            throw new IllegalArgumentException("layer " + name + ": sizes must be positive (nIn=" + nIn + ", nOut=" + nOut
                    + ", kernel=" + kernelH + "x" + kernelW + ")");
        }
        long expected = (long) nIn * nOut * kernelH * kernelW;
        if (w.length != expected) {
            throw new IllegalArgumentException("layer " + name + ": " + w.length + " weights, expected " + expected);
        }
        if (bias != null && bias.length != nOut) {
            throw new IllegalArgumentException("layer " + name + ": " + bias.length + " biases, expected " + nOut);
        }
        checkFinite(name, "weight", w);
        if (bias != null) checkFinite(name, "bias", bias);
        this.name = name;
        this.kind = kind;
        this.nIn = nIn;
        this.nOut = nOut;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.w = w;
        this.bias = bias;
        this.activation = activation;
    }

    private static void checkFinite(String layer, String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("layer " + layer + ": " + what + " " + i + " is " + values[i]
                        + " (the model has non-finite parameters; was training diverging?)");
            }
        }
    }

    /** A fully connected layer; {@code w} is {@code [nIn][nOut]} row-major. The arrays are kept, not copied. */
    public static LayerWeights dense(String name, int nIn, int nOut, double[] w, double[] bias, String activation) {
        return new LayerWeights(name, Kind.DENSE, nIn, nOut, 1, 1, w, bias, activation);
    }

    /** A 2-D convolution; {@code w} is {@code [nOut][nIn][kernelH][kernelW]} row-major. The arrays are kept, not copied. */
    public static LayerWeights convolution(String name, int inChannels, int outChannels, int kernelH, int kernelW,
                                           double[] w, double[] bias, String activation) {
        return new LayerWeights(name, Kind.CONVOLUTION, inChannels, outChannels, kernelH, kernelW, w, bias, activation);
    }

    public String name() { return name; }
    public Kind kind() { return kind; }
    /** Input units (dense) or input channels (convolution). */
    public int nIn() { return nIn; }
    /** Output units (dense) or output channels (convolution). */
    public int nOut() { return nOut; }
    public int kernelH() { return kernelH; }
    public int kernelW() { return kernelW; }
    /** Activation function name as the framework calls it (e.g. "relu"), or null. */
    public String activation() { return activation; }

    /** Dense weight from input {@code i} to output {@code j}. */
    public double dense(int i, int j) { return w[i * nOut + j]; }

    /** Convolution weight of output channel {@code o}, input channel {@code c}, kernel position {@code (y, x)}. */
    public double kernel(int o, int c, int y, int x) { return w[((o * nIn + c) * kernelH + y) * kernelW + x]; }

    /** The raw weights in the documented order; must not be modified. */
    public double[] rawWeights() { return w; }

    /** Bias of output {@code j}, or NaN when the layer has no bias. */
    public double bias(int j) { return bias == null ? Double.NaN : bias[j]; }
    public boolean hasBias() { return bias != null; }

    /** Number of trainable parameters (weights and biases). */
    public long parameterCount() { return (long) w.length + (bias == null ? 0 : bias.length); }
}
