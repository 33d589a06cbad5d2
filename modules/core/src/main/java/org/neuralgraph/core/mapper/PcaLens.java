package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Points;
import org.neuralgraph.core.geometry.Metric;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Section 7's lenses: the coordinates of each point on the first 1 or 2 principal components of the cloud. Computed on
 * the points as given (columns centred, not scaled), whatever the metric: PCA is a function of the coordinates alone.
 * The components are the top eigenvectors of the population covariance matrix (commons-math, d x d), each signed so
 * that its largest-magnitude loading is positive, which makes the lens deterministic. A cloud without spread in a
 * component (for instance all points identical) gives a constant coordinate.
 */
final class PcaLens implements Lens {

    private final int components;

    PcaLens(int components) {
        if (components != 1 && components != 2) throw new IllegalArgumentException("PCA lens components must be 1 or 2, got " + components);
        this.components = components;
    }

    @Override public int dimensions() { return components; }

    @Override public String description() { return "PCA, " + components + (components == 1 ? " component" : " components"); }

    @Override
    public double[][] values(double[][] points, Metric metric, long seed) {
        int d = Points.checkCloud(points, "points");
        if (components > d) throw new IllegalArgumentException("PCA lens components = " + components + " exceeds the dimension " + d);
        int n = points.length;
        double[] mean = new double[d];
        for (double[] p : points) for (int j = 0; j < d; j++) mean[j] += p[j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) c[j] = p[j] - mean[j];
            for (int a = 0; a < d; a++) {
                double ca = c[a];
                for (int b = a; b < d; b++) cov[a][b] += ca * c[b];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        double[][] axes = new double[components][];
        for (int m = 0; m < components; m++) axes[m] = signed(eig.getEigenvector(order[m]));
        double[][] out = new double[n][components];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < components; m++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += (points[i][j] - mean[j]) * axes[m][j];
                out[i][m] = s;
            }
        }
        return out;
    }

    /** The vector with its largest-magnitude entry (the first of equals) made positive. */
    static double[] signed(RealVector v) {
        double[] a = v.toArray();
        int best = 0;
        for (int j = 1; j < a.length; j++) if (Math.abs(a[j]) > Math.abs(a[best]) + 1e-12) best = j;
        if (a[best] < 0) for (int j = 0; j < a.length; j++) a[j] = -a[j];
        return a;
    }
}
