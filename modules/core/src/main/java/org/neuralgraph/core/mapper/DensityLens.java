package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Metric;

/**
 * The k-NN density 1 / rho_k of Section 3.1 as a one-coordinate lens, under the Mapper's metric (the filtration of
 * Section 4 uses the Euclidean distance; the lens follows the metric like Ayasdi's metric-based lenses). A point with k
 * identical copies has infinite density; the lens gives it the largest finite density of the cloud (0 if there is
 * none), so that it falls in the densest interval and the cover stays finite.
 */
final class DensityLens implements Lens {

    private final int k;

    DensityLens(int k) {
        if (k < 1) throw new IllegalArgumentException("density lens k must be >= 1, got " + k);
        this.k = k;
    }

    @Override public int dimensions() { return 1; }

    @Override public String description() { return "density 1/rho_k, k = " + k; }

    @Override
    public double[][] values(double[][] points, Metric metric, long seed) {
        double[] density = DensityFiltration.densities(metric.embed(points), k);
        double maxFinite = 0;
        for (double v : density) if (Double.isFinite(v)) maxFinite = Math.max(maxFinite, v);
        double[][] out = new double[density.length][1];
        for (int i = 0; i < density.length; i++) out[i][0] = Double.isFinite(density[i]) ? density[i] : maxFinite;
        return out;
    }
}
