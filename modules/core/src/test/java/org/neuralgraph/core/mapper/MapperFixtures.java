package org.neuralgraph.core.mapper;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Random;

/** Seeded point clouds for the Mapper tests. */
final class MapperFixtures {

    private MapperFixtures() { }

    /** n points at uniform random angles on the unit circle, each coordinate plus N(0, noise^2). */
    static double[][] noisyCircle(int n, double noise, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * r.nextDouble();
            p[i][0] = Math.cos(t) + noise * r.nextGaussian();
            p[i][1] = Math.sin(t) + noise * r.nextGaussian();
        }
        return p;
    }

    /** The plane points (x, y) as x q1 + y q2 in R^dim, q1 and q2 two columns of a random orthogonal matrix. */
    static double[][] embed(double[][] plane, int dim, long seed) {
        Random r = new Random(seed);
        double[][] g = new double[dim][dim];
        for (double[] row : g) for (int j = 0; j < dim; j++) row[j] = r.nextGaussian();
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        double[][] out = new double[plane.length][dim];
        for (int i = 0; i < plane.length; i++) {
            for (int a = 0; a < dim; a++) out[i][a] = q.getEntry(a, 0) * plane[i][0] + q.getEntry(a, 1) * plane[i][1];
        }
        return out;
    }

    /** Two standard Gaussian blobs of n points each in R^dim, the second shifted by {@code separation} along axis 0. */
    static double[][] twoBlobs(int n, int dim, double separation, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[2 * n][dim];
        for (int i = 0; i < 2 * n; i++) {
            for (int j = 0; j < dim; j++) p[i][j] = r.nextGaussian();
            if (i >= n) p[i][0] += separation;
        }
        return p;
    }

    /**
     * n 5 x 5 step-edge filters tanh(x cos t + y sin t) at uniform random angles t in [0, 2 pi) (x right, y up, centred),
     * plus N(0, noise^2) per weight: a circle of filters, as the paper's trained first layers approximate.
     */
    static double[][] edgeFilters(int n, double noise, long seed) {
        Random r = new Random(seed);
        double[][] f = new double[n][25];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * r.nextDouble(), c = Math.cos(t), s = Math.sin(t);
            for (int row = 0; row < 5; row++) {
                for (int col = 0; col < 5; col++) {
                    double x = col - 2, y = 2 - row;
                    f[i][row * 5 + col] = Math.tanh(x * c + y * s) + noise * r.nextGaussian();
                }
            }
        }
        return f;
    }
}
