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
 * <p>The matrix is read row by row in two passes (column ranges, then bin counts), in blocks of rows on all
 * cores, so a 60,000 x 512 matrix is never transposed or copied.
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
        // pass 1: per column the sum and the range of the non-zero values; pass 2: bin counts. Rows are split into
        // one block per core, each with its own arrays, merged afterwards (counts are integers: the result does not
        // depend on the split).
        int blocks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), rows / 1024));
        float[][] mins = new float[blocks][], maxs = new float[blocks][];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(k -> {
            float[] mn = new float[cols], mx = new float[cols];
            java.util.Arrays.fill(mn, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(mx, Float.NEGATIVE_INFINITY);
            for (int i = rows * k / blocks, end = rows * (k + 1) / blocks; i < end; i++) {
                for (int j = 0, o = i * cols; j < cols; j++, o++) {
                    float x = f[o];
                    if (x == 0) continue;
                    if (!(x > 0) || Float.isInfinite(x)) {
                        throw new IllegalArgumentException("activation [" + i + "][" + j + "] is " + x + "; entropy needs finite values >= 0");
                    }
                    if (x < mn[j]) mn[j] = x;
                    if (x > mx[j]) mx[j] = x;
                }
            }
            mins[k] = mn;
            maxs[k] = mx;
        });
        float[] min = mins[0], max = maxs[0];
        for (int k = 1; k < blocks; k++) {
            for (int j = 0; j < cols; j++) { min[j] = Math.min(min[j], mins[k][j]); max[j] = Math.max(max[j], maxs[k][j]); }
        }
        // bins over the non-zero normalised values x / sum_j: dividing by the column sum scales the values and
        // their range alike, so the bins (and the counts) are those of the raw values
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) scale[j] = max[j] > min[j] ? bins / ((double) max[j] - min[j]) : 0;
        int[][] blockCounts = new int[blocks][];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(k -> {
            int[] counts = new int[cols * bins];
            for (int i = rows * k / blocks, end = rows * (k + 1) / blocks; i < end; i++) {
                for (int j = 0, o = i * cols; j < cols; j++, o++) {
                    float x = f[o];
                    if (x == 0) continue;
                    int b = (int) ((x - min[j]) * scale[j]);
                    counts[j * bins + (b >= bins ? bins - 1 : b)]++;
                }
            }
            blockCounts[k] = counts;
        });
        int[] counts = blockCounts[0];
        for (int k = 1; k < blocks; k++) for (int x = 0; x < counts.length; x++) counts[x] += blockCounts[k][x];
        int[] nonZero = new int[cols];
        for (int j = 0; j < cols; j++) for (int b = 0; b < bins; b++) nonZero[j] += counts[j * bins + b];
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
