package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Points;
import java.util.Arrays;

/**
 * Brüel Gabrielsson, Section 4: "we preprocessed these first-layer weights by mean-centering and scaling each of the 512 weight
 * vectors w to have mean 0 and variance 1". Each row (one filter, k x k values flattened) is centred and divided by its
 * population standard deviation (1/d, as the paper's variance of Section 4).
 *
 * <p>A constant filter (standard deviation 0) has no shape to scale: {@link #standardise} rejects it, naming the row,
 * rather than invent one (a row of zeros would be the same point for every constant filter and so have infinite
 * k-NN density). Find such rows first with {@link #constantRows} and leave them out. "Constant" means a standard
 * deviation of at most 1e-12 times the row's largest magnitude, so that rounding noise of a constant row is not blown
 * up to unit variance.
 */
public final class FilterPreprocessing {

    private FilterPreprocessing() { }

    /**
     * A new array whose rows have mean 0 and population variance 1.
     *
     * @throws IllegalArgumentException for an empty, ragged or non-finite cloud, or a constant row (named by its index)
     */
    public static double[][] standardise(double[][] filters) {
        Points.checkCloud(filters, "filters");
        double[][] out = new double[filters.length][];
        for (int i = 0; i < filters.length; i++) {
            double[] row = filters[i];
            double mean = mean(row);
            double sd = sd(row, mean);
            if (isConstant(row, sd)) {
                throw new IllegalArgumentException("filter row " + i + " is constant (standard deviation " + sd
                        + "): it cannot be scaled to variance 1; leave it out (see constantRows)");
            }
            double[] z = new double[row.length];
            for (int j = 0; j < row.length; j++) z[j] = (row[j] - mean) / sd;
            out[i] = z;
        }
        return out;
    }

    /** Indices of the rows {@link #standardise} would reject as constant, ascending. */
    public static int[] constantRows(double[][] filters) {
        Points.checkCloud(filters, "filters");
        int[] found = new int[filters.length];
        int n = 0;
        for (int i = 0; i < filters.length; i++) {
            double[] row = filters[i];
            if (isConstant(row, sd(row, mean(row)))) found[n++] = i;
        }
        return Arrays.copyOf(found, n);
    }

    private static boolean isConstant(double[] row, double sd) {
        double max = 0;
        for (double v : row) max = Math.max(max, Math.abs(v));
        return sd == 0 || sd <= 1e-12 * max;
    }

    private static double mean(double[] row) {
        double s = 0;
        for (double v : row) s += v;
        return s / row.length;
    }

    private static double sd(double[] row, double mean) {
        double s = 0;
        for (double v : row) s += (v - mean) * (v - mean);
        return Math.sqrt(s / row.length);
    }
}
