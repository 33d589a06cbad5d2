package org.neuralgraph.core.stats;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Pearson (PCC) and Spearman (SCC) correlation of a metric's series with an accuracy series over checkpoints, as
 * in Mostafa and Mondal's Tables 3-6 (commons-math3; Spearman ranks ties by their average, as scipy does). A series that is
 * constant, or shorter than 3 points, has no correlation: both are NaN.
 */
public final class SeriesCorrelation {

    public final double pearson;
    public final double spearman;

    private SeriesCorrelation(double pearson, double spearman) {
        this.pearson = pearson;
        this.spearman = spearman;
    }

    /** @throws IllegalArgumentException when the lengths differ; a series holding NaN (an undefined metric) gives NaN */
    public static SeriesCorrelation of(double[] metric, double[] accuracy) {
        if (metric.length != accuracy.length) {
            throw new IllegalArgumentException("series of different lengths: " + metric.length + " and " + accuracy.length);
        }
        for (int i = 0; i < metric.length; i++) {
            if (!Double.isFinite(metric[i]) || !Double.isFinite(accuracy[i])) return new SeriesCorrelation(Double.NaN, Double.NaN);
        }
        if (metric.length < 3 || constant(metric) || constant(accuracy)) return new SeriesCorrelation(Double.NaN, Double.NaN);
        return new SeriesCorrelation(new PearsonsCorrelation().correlation(metric, accuracy),
                new SpearmansCorrelation().correlation(metric, accuracy));
    }

    private static boolean constant(double[] x) {
        for (double v : x) if (v != x[0]) return false;
        return true;
    }
}
