package org.neuralgraph.core.stats;

/**
 * Activation pattern entropy (seed 001, Section 5.2). F is the |D| x N matrix of activations (rows: samples,
 * columns: neurons). Each column is divided by its sum; its non-zero normalised values are put into R equal-width
 * bins spanning their own minimum to maximum; with h_k the share of values in bin k, the neuron's entropy is
 * E_j = -sum_k h_k ln h_k (the paper prints "-sum -h log h", a sign slip: entropy is non-negative). Zeros are left
 * out, as the paper says, so that a neuron that is mostly silent does not look predictable. A neuron that never
 * fires, or whose non-zero values are all equal, has entropy 0. Totals per layer, model or class are sums of E_j
 * (a class: the same computation on that class's rows only).
 *
 * <p>The matrix is read row by row in two passes (column sums and ranges, then bin counts), so a 60,000 x 512
 * matrix is never transposed or copied.
 */
public final class ActivationEntropy {

    private ActivationEntropy() { }

    /**
     * @param f    activations, row-major {@code f[i * cols + j]}; negative values are refused (post-activation
     *             outputs of ReLU layers are >= 0)
     * @param bins R >= 1
     * @return E_j for each column
     */
    public static double[] perNeuron(float[] f, int rows, int cols, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        if (rows < 1 || cols < 1 || (long) rows * cols != f.length) {
            throw new IllegalArgumentException("activation matrix has " + f.length + " values, not " + rows + " x " + cols);
        }
        double[] sum = new double[cols];
        float[] min = new float[cols], max = new float[cols];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int i = 0, o = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++, o++) {
                float x = f[o];
                if (x == 0) continue;
                if (!(x > 0) || Float.isInfinite(x)) {
                    throw new IllegalArgumentException("activation [" + i + "][" + j + "] is " + x + "; entropy needs finite values >= 0");
                }
                sum[j] += x;
                if (x < min[j]) min[j] = x;
                if (x > max[j]) max[j] = x;
            }
        }
        // bins over the non-zero normalised values x/sum; the same bins over raw x since the scale is common
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) scale[j] = max[j] > min[j] ? bins / ((double) max[j] - min[j]) : 0;
        int[] counts = new int[cols * bins];
        int[] nonZero = new int[cols];
        for (int i = 0, o = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++, o++) {
                float x = f[o];
                if (x == 0) continue;
                int b = (int) ((x - min[j]) * scale[j]);
                if (b >= bins) b = bins - 1;
                counts[j * bins + b]++;
                nonZero[j]++;
            }
        }
        double[] e = new double[cols];
        for (int j = 0; j < cols; j++) {
            if (nonZero[j] == 0) continue;
            double h = 0;
            for (int b = 0; b < bins; b++) {
                int c = counts[j * bins + b];
                if (c == 0) continue;
                double p = c / (double) nonZero[j];
                h -= p * Math.log(p);
            }
            e[j] = h;
        }
        return e;
    }

    /** E = sum_j E_j, the model's (or a layer's, or a class's) activation pattern entropy. */
    public static double total(double[] perNeuron) {
        double s = 0;
        for (double x : perNeuron) s += x;
        return s;
    }
}
