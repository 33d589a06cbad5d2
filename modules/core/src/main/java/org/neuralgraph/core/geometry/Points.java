package org.neuralgraph.core.geometry;

/** Checks and small arithmetic on point clouds held as {@code double[n][d]} (rows are points). */
public final class Points {

    private Points() { }

    /**
     * @throws IllegalArgumentException for a null or empty cloud, a ragged or zero-width row, or a NaN or infinite value
     */
    public static int checkCloud(double[][] points, String name) {
        if (points == null || points.length == 0) throw new IllegalArgumentException(name + " is empty");
        int d = points[0] == null ? 0 : points[0].length;
        if (d == 0) throw new IllegalArgumentException(name + " row 0 has no values");
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != d) {
                throw new IllegalArgumentException(name + " row " + i + " has " + (points[i] == null ? 0 : points[i].length)
                        + " values, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(points[i][j])) throw new IllegalArgumentException(name + " row " + i + ", column " + j + " is " + points[i][j]);
            }
        }
        return d;
    }

    public static double squaredDistance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double t = x[i] - y[i];
            s += t * t;
        }
        return s;
    }
}
