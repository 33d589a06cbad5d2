package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Metric;

/**
 * The reference map f : X -> Z = R^dims of the Mapper (Brüel Gabrielsson, Sections 3.2 and 4; Ayasdi calls it a lens, and m
 * lenses together map each point to R^m). Implementations: {@link #pca}, {@link #density}, {@link #neighbourhood}.
 */
public interface Lens {

    /** Number of lens coordinates, 1 or 2. */
    int dimensions();

    /**
     * The lens values, {@code double[n][dimensions()]}.
     *
     * @param points the point cloud (rows)
     * @param metric the metric of the Mapper, for lenses that use distances
     * @param seed   seed of any randomness in the lens (ignored by deterministic lenses)
     */
    double[][] values(double[][] points, Metric metric, long seed);

    /** A human-readable description with the lens's parameters, used as the graph attribute {@code lens}. */
    String description();

    /** Projection on the first 1 or 2 principal components (Section 7's "two PCA lenses"). */
    static Lens pca(int components) { return new PcaLens(components); }

    /** The k-NN density 1 / rho_k under the metric (Section 3.1), one coordinate. */
    static Lens density(int k) { return new DensityLens(k); }

    /** A 2-D embedding of the k-NN graph (Section 4's Neighborhood Lenses 1 and 2): Laplacian eigenmaps. */
    static Lens neighbourhood(int k) { return new NeighbourhoodLens(k); }

    /** The lens names {@link #named} reads, as the command line and the Gephi generator offer them. */
    java.util.List<String> NAMES = java.util.Arrays.asList("pca-2", "pca-1", "neighbourhood", "density");

    /**
     * The lens called {@code name} (one of {@link #NAMES}); the neighbourhood and density lenses use the density
     * filtration's {@code k}.
     *
     * @throws IllegalArgumentException for another name
     */
    static Lens named(String name, int k) {
        switch (name) {
            case "pca-2": return pca(2);
            case "pca-1": return pca(1);
            case "neighbourhood": return neighbourhood(k);
            case "density": return density(k);
            default: throw new IllegalArgumentException("lens must be pca-2, pca-1, neighbourhood or density, got " + name);
        }
    }
}
