package org.neuralgraph.core.stats;

/**
 * Activation pattern entropy (Mostafa and Mondal, Section 5.2). F is the |D| x N matrix of activations (rows: samples,
 * columns: neurons). Each column is divided by its sum; its non-zero normalised values are put into R equal-width
 * bins spanning their own minimum to maximum; with h_k the share of values in bin k, the neuron's entropy is
 * E_j = -sum_k h_k ln h_k (the paper prints "-sum -h log h", a sign slip: entropy is non-negative). Zeros are left
 * out, as the paper says, so that a neuron that is mostly silent does not look predictable. A neuron that never
 * fires, or whose non-zero values are all equal, has entropy 0. Totals per layer, model or class are sums of E_j
 * (a class: the same computation on that class's rows only).
 *
 * <p>Signed activations (a transformer's LayerNorm and GELU outputs, a MobileNet's residual sums, recorded through ONNX
 * Runtime) are taken as they are: dividing a column by its sum scales its values and their range alike, so the bins over
 * [min, max] of the raw non-zero values hold the same counts, whatever the sign; zeros are still left out.
 *
 * <p>The matrix is read row by row in two passes (column ranges, then bin counts), in blocks of rows on all
 * cores, so a 60,000 x 512 matrix is never transposed or copied.
 */
public final class ActivationEntropy {

    /** R, the number of bins. Section 5.2 does not give it; 10 is our default. */
    public static final int DEFAULT_BINS = 10;

    private ActivationEntropy() { }

    /**
     * @param f    activations, row-major {@code f[i * cols + j]}, finite (post-activation outputs of ReLU layers are
     *             >= 0; other layers' may be negative)
     * @param bins R >= 1
     * @return E_j for each column
     */
    public static double[] perNeuron(float[] f, int rows, int cols, int bins) {
        return perGroup(f, rows, cols, new int[rows], 1, bins)[0];
    }

    /**
     * E_j computed separately on the rows of each class (Mostafa and Mondal, Section 7.3 and Table 6: "we take the same
     * approach as in Section 5.2, but use only the training data corresponding to that class").
     *
     * @param labels class of each row, in {@code [0, classes)}
     * @return {@code [class][column]}; a class without rows has all zeros
     */
    public static double[][] perClass(float[] f, int rows, int cols, int[] labels, int classes, int bins) {
        if (labels.length != rows) throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        for (int y : labels) if (y < 0 || y >= classes) throw new IllegalArgumentException("label " + y + " is outside 0.." + (classes - 1));
        return perGroup(f, rows, cols, labels, classes, bins);
    }

    private static double[][] perGroup(float[] f, int rows, int cols, int[] group, int groups, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        if (rows < 1 || cols < 1 || (long) rows * cols != f.length) {
            throw new IllegalArgumentException("activation matrix has " + f.length + " values, not " + rows + " x " + cols);
        }
        // pass 1: per group and column the range of the non-zero values; pass 2: bin counts. Rows are split into
        // one block per core, each with its own arrays, merged afterwards (counts are integers: the result does not
        // depend on the split).
        int blocks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), rows / 1024));
        int gc = groups * cols;
        float[][] mins = new float[blocks][], maxs = new float[blocks][];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(k -> {
            float[] mn = new float[gc], mx = new float[gc];
            java.util.Arrays.fill(mn, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(mx, Float.NEGATIVE_INFINITY);
            for (int i = rows * k / blocks, end = rows * (k + 1) / blocks; i < end; i++) {
                int g = group[i] * cols;
                for (int j = 0, o = i * cols; j < cols; j++, o++) {
                    float x = f[o];
                    if (x == 0) continue;
                    if (!Float.isFinite(x)) {
                        throw new IllegalArgumentException("activation [" + i + "][" + j + "] is " + x + "; entropy needs finite values");
                    }
                    if (x < mn[g + j]) mn[g + j] = x;
                    if (x > mx[g + j]) mx[g + j] = x;
                }
            }
            mins[k] = mn;
            maxs[k] = mx;
        });
        float[] min = mins[0], max = maxs[0];
        for (int k = 1; k < blocks; k++) {
            for (int j = 0; j < gc; j++) { min[j] = Math.min(min[j], mins[k][j]); max[j] = Math.max(max[j], maxs[k][j]); }
        }
        // bins over the non-zero normalised values x / sum_j: dividing by the column sum scales the values and
        // their range alike, so the bins (and the counts) are those of the raw values
        double[] scale = new double[gc];
        for (int j = 0; j < gc; j++) scale[j] = max[j] > min[j] ? bins / ((double) max[j] - min[j]) : 0;
        int[][] blockCounts = new int[blocks][];
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(k -> {
            int[] counts = new int[gc * bins];
            for (int i = rows * k / blocks, end = rows * (k + 1) / blocks; i < end; i++) {
                int g = group[i] * cols;
                for (int j = 0, o = i * cols; j < cols; j++, o++) {
                    float x = f[o];
                    if (x == 0) continue;
                    int b = (int) ((x - min[g + j]) * scale[g + j]);
                    counts[(g + j) * bins + (b >= bins ? bins - 1 : b)]++;
                }
            }
            blockCounts[k] = counts;
        });
        int[] counts = blockCounts[0];
        for (int k = 1; k < blocks; k++) for (int x = 0; x < counts.length; x++) counts[x] += blockCounts[k][x];
        double[][] e = new double[groups][cols];
        for (int j = 0; j < gc; j++) {
            int nonZero = 0;
            for (int b = 0; b < bins; b++) nonZero += counts[j * bins + b];
            if (nonZero == 0) continue;
            double h = 0;
            for (int b = 0; b < bins; b++) {
                int c = counts[j * bins + b];
                if (c == 0) continue;
                double p = c / (double) nonZero;
                h -= p * Math.log(p);
            }
            e[j / cols][j % cols] = h;
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
