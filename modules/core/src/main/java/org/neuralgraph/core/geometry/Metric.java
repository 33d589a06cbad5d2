package org.neuralgraph.core.geometry;


/**
 * The distance between points used by the lenses that need one and by the clustering (Brüel Gabrielsson, Section 4).
 *
 * <p>{@link #VARIANCE_NORMALISED_EUCLIDEAN} is the paper's d_VNE(x, y) = sqrt(sum_i (x_i - y_i)^2 / v_i), v_i the
 * population variance (1/m) of column i over the point cloud the Mapper is run on. It is the Euclidean distance after
 * dividing column i by sqrt(v_i), which is how it is computed ({@link #embed}). A column of zero variance holds the same
 * value in every point, so every difference in it is 0: we give it weight 0 (0/0 read as 0) instead of failing.
 */
public enum Metric {
    EUCLIDEAN("Euclidean"),
    VARIANCE_NORMALISED_EUCLIDEAN("variance-normalised Euclidean");

    private final String description;

    Metric(String description) { this.description = description; }

    /** A human-readable name, used as the graph attribute {@code metric}. */
    public String description() { return description; }

    /**
     * The weight of each column in the squared distance: 1 for {@link #EUCLIDEAN}, 1 / v_i for
     * {@link #VARIANCE_NORMALISED_EUCLIDEAN} (0 where v_i = 0).
     */
    public double[] columnWeights(double[][] points) {
        int d = Points.checkCloud(points, "points");
        double[] w = new double[d];
        if (this == EUCLIDEAN) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        int m = points.length;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] p : points) mean += p[j];
            mean /= m;
            double v = 0;
            for (double[] p : points) v += (p[j] - mean) * (p[j] - mean);
            v /= m;
            w[j] = v > 0 ? 1 / v : 0;
        }
        return w;
    }

    /** The distance between x and y under column weights from {@link #columnWeights}. */
    public static double distance(double[] x, double[] y, double[] weights) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = x[i] - y[i];
            s += weights[i] * t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * A copy of the cloud in which the Euclidean distance between rows equals this metric on the original rows
     * (column i multiplied by sqrt of its weight); for {@link #EUCLIDEAN} a plain copy.
     */
    public double[][] embed(double[][] points) {
        double[] w = columnWeights(points);
        double[] s = new double[w.length];
        for (int j = 0; j < w.length; j++) s[j] = Math.sqrt(w[j]);
        double[][] out = new double[points.length][w.length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < w.length; j++) out[i][j] = points[i][j] * s[j];
        }
        return out;
    }
}
