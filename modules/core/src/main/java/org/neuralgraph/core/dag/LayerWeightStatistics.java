package org.neuralgraph.core.dag;

import java.util.Locale;

/**
 * Statistics of one layer's weight edges read as a stream, in fixed memory: count, mean, standard deviation, minimum and
 * maximum of the signed weight, and of |w| (the Gephi edge weight) its minimum, maximum and quantiles from a histogram of
 * {@code bins} equal bins between the minimum and the maximum |w| (so a quantile is exact to one bin width,
 * (max - min) / bins). Two passes: {@link #first} (moments and range), then {@link #second} (the histogram).
 * Moments are summed in double in edge order, so the same edges in the same order give the same numbers.
 */
public final class LayerWeightStatistics {

    /** Quantiles of |w| reported. */
    public static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    private final String layer;
    private long count;
    private double sum, sumSquares, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
    private double absSum, absMin = Double.POSITIVE_INFINITY, absMax = Double.NEGATIVE_INFINITY;
    private final long[] histogram;
    private long binned;

    public LayerWeightStatistics(String layer, int bins) {
        if (bins < 1) throw new IllegalArgumentException("histogram bins must be >= 1, got " + bins);
        this.layer = layer;
        histogram = new long[bins];
    }

    /** First pass: a weight edge of signed value {@code value} and Gephi weight {@code absW}. */
    public void first(double value, double absW) {
        count++;
        sum += value;
        sumSquares += value * value;
        if (value < min) min = value;
        if (value > max) max = value;
        absSum += absW;
        if (absW < absMin) absMin = absW;
        if (absW > absMax) absMax = absW;
    }

    /** Second pass: the same edge's |w| into the histogram. */
    public void second(double absW) {
        histogram[bin(absW)]++;
        binned++;
    }

    private int bin(double absW) {
        double width = absMax - absMin;
        if (!(width > 0)) return 0;
        int b = (int) ((absW - absMin) / width * histogram.length);
        return Math.max(0, Math.min(histogram.length - 1, b));
    }

    public String layer() { return layer; }
    public long count() { return count; }
    public double mean() { return count == 0 ? Double.NaN : sum / count; }
    /** Population standard deviation of the signed weights. */
    public double std() {
        if (count == 0) return Double.NaN;
        double m = sum / count;
        return Math.sqrt(Math.max(0, sumSquares / count - m * m));
    }
    public double min() { return min; }
    public double max() { return max; }
    public double absMean() { return count == 0 ? Double.NaN : absSum / count; }
    public double absMin() { return absMin; }
    public double absMax() { return absMax; }
    /** The width of one histogram bin, the quantiles' resolution. */
    public double binWidth() { return (absMax - absMin) / histogram.length; }

    /**
     * The q-quantile of |w| (0 &lt;= q &lt;= 1): the value at rank ceil(q * count) (at least 1), located in its histogram bin
     * and interpolated linearly inside it.
     */
    public double absQuantile(double q) {
        if (binned == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(q * binned));
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            if (seen + histogram[b] >= rank) {
                double inside = (rank - seen - 0.5) / histogram[b];
                return absMin + (b + inside) * binWidth();
            }
            seen += histogram[b];
        }
        return absMax;
    }

    /** CSV header matching {@link #csvRow()}. */
    public static String csvHeader() {
        StringBuilder b = new StringBuilder("layer,edges,mean,std,min,max,abs_mean,abs_min,abs_max");
        for (double q : QUANTILES) b.append(",abs_q").append(String.format(Locale.ROOT, "%02d", Math.round(q * 100)));
        return b.append(",abs_bin_width").toString();
    }

    public String csvRow() {
        StringBuilder b = new StringBuilder(layer.contains(",") ? "\"" + layer.replace("\"", "\"\"") + "\"" : layer);
        b.append(',').append(count);
        for (double x : new double[]{mean(), std(), min, max, absMean(), absMin, absMax}) b.append(',').append(x);
        for (double q : QUANTILES) b.append(',').append(absQuantile(q));
        return b.append(',').append(binWidth()).toString();
    }
}
