package org.neuralgraph.core.capacitance;

import java.util.Arrays;

/**
 * One batch of a probe's forward and backward pass: what an {@link EdgeInteraction} needs to quantify P (method note,
 * section 2.2) [R]. For the probe's dense layers k = 0..L-1 (the note's l = k+1), with B samples:
 * <ul>
 *   <li>{@link #input(int) input(k)}: the layer's input activations a^{l-1}, B x width(k);</li>
 *   <li>{@link #derivative(int) derivative(k)}: sigma'(z^l), B x width(k+1); null for the softmax output layer, where
 *       it is not needed (its error is taken directly from the cross-entropy);</li>
 *   <li>{@link #error(int) error(k)}: e^l = d loss_b / d z^l per sample b, B x width(k+1).</li>
 * </ul>
 * Matrices are row-major, one row per sample. The accessors return the stored arrays: they must not be modified.
 */
public final class ProbeBatch {

    private final int batchSize;
    private final int[] widths;
    private final double[][] inputs;
    private final double[][] derivatives;
    private final double[][] errors;
    private final double loss;

    private ProbeBatch(int batchSize, int[] widths, double[][] inputs, double[][] derivatives, double[][] errors, double loss) {
        this.batchSize = batchSize;
        this.widths = widths;
        this.inputs = inputs;
        this.derivatives = derivatives;
        this.errors = errors;
        this.loss = loss;
    }

    /**
     * A batch from arrays computed elsewhere (e.g. a framework's own backward pass). The arrays are copied.
     *
     * @param batchSize   B, the number of samples
     * @param widths      n_0..n_L: the probe's input width, then each layer's output width
     * @param inputs      per layer k, a^{k} as B x n_k
     * @param derivatives per layer k, sigma'(z) as B x n_{k+1}; the last entry may be null (softmax output layer)
     * @param errors      per layer k, the back-propagated errors as B x n_{k+1}
     * @param loss        mean loss over the batch, or NaN when unknown
     * @throws IllegalArgumentException when a size is not positive, an array has the wrong shape, or a value is NaN
     *                                  or infinite (naming the array and the layer)
     */
    public static ProbeBatch of(int batchSize, int[] widths, double[][] inputs, double[][] derivatives, double[][] errors, double loss) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (widths.length < 2) throw new IllegalArgumentException("widths must list the input width and at least one layer, got " + widths.length + " values");
        for (int k = 0; k < widths.length; k++) {
            if (widths[k] < 1) throw new IllegalArgumentException("widths[" + k + "] must be >= 1, got " + widths[k]);
        }
        int layers = widths.length - 1;
        if (inputs.length != layers || derivatives.length != layers || errors.length != layers) {
            throw new IllegalArgumentException("inputs, derivatives and errors must have one entry per layer (" + layers + "), got "
                    + inputs.length + ", " + derivatives.length + " and " + errors.length);
        }
        double[][] in = new double[layers][], d = new double[layers][], e = new double[layers][];
        for (int k = 0; k < layers; k++) {
            in[k] = checked("inputs", k, inputs[k], batchSize, widths[k]);
            d[k] = k == layers - 1 && derivatives[k] == null ? null : checked("derivatives", k, derivatives[k], batchSize, widths[k + 1]);
            e[k] = checked("errors", k, errors[k], batchSize, widths[k + 1]);
        }
        if (Double.isInfinite(loss)) throw new IllegalArgumentException("loss is " + loss + "; give NaN when it is unknown");
        return new ProbeBatch(batchSize, widths.clone(), in, d, e, loss);
    }

    /** For the probe's own forward pass: arrays already of the right shape, kept as they are. */
    static ProbeBatch trusted(int batchSize, int[] widths, double[][] inputs, double[][] derivatives, double[][] errors, double loss) {
        return new ProbeBatch(batchSize, widths, inputs, derivatives, errors, loss);
    }

    private static double[] checked(String name, int layer, double[] values, int rows, int columns) {
        if (values == null) throw new IllegalArgumentException(name + "[" + layer + "] is null");
        long expected = (long) rows * columns;
        if (values.length != expected) {
            throw new IllegalArgumentException(name + "[" + layer + "] has " + values.length + " values, expected " + rows + " x " + columns + " = " + expected);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + layer + "] holds " + values[i] + " at sample " + (i / columns) + ", unit " + (i % columns));
            }
        }
        return Arrays.copyOf(values, values.length);
    }

    /** B, the number of samples. */
    public int batchSize() { return batchSize; }
    /** L, the number of dense layers. */
    public int layerCount() { return widths.length - 1; }
    /** n_k: the input width for k = 0, else the output width of layer k-1. */
    public int width(int k) { return widths[k]; }
    /** Input activations of layer k, B x width(k), row-major. */
    public double[] input(int k) { return inputs[k]; }
    /** sigma'(z) of layer k, B x width(k+1), row-major; null for the softmax output layer. */
    public double[] derivative(int k) { return derivatives[k]; }
    /** Errors e = d loss_b / d z of layer k, B x width(k+1), row-major. */
    public double[] error(int k) { return errors[k]; }
    /** Mean cross-entropy over the batch, or NaN when unknown. */
    public double loss() { return loss; }
}
