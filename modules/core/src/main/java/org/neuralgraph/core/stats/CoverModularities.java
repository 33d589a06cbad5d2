package org.neuralgraph.core.stats;

/**
 * The four community-quality figures of Mostafa and Mondal's Table 4 for one graph and one overlapping cover:
 * <ul>
 *   <li>{@link #noOverlap}: Eq. 2 (gamma = 1) of a partition made from the cover: each node goes to the community in
 *       which its belonging coefficient alpha_cv (Eq. 4) is largest, i.e. where most of its edge weight into its own
 *       communities lies (ties: the community listed first). The paper does not say which partition it used.</li>
 *   <li>{@link #unweightedOverlap}: Eq. 3 (Shen et al.).</li>
 *   <li>{@link #weightedOverlap}: Eq. 4 (Chen et al.).</li>
 *   <li>{@link #klb}: Eq. 2 of the two halves found by {@link KernighanLinBisection}, seeded.</li>
 * </ul>
 * A graph without edge weight has no modularity; all four are then NaN (and {@link #defined()} is false).
 */
public final class CoverModularities {

    public final double noOverlap;
    public final double unweightedOverlap;
    public final double weightedOverlap;
    public final double klb;
    /** The partition used for {@link #noOverlap} (-1: a node in no community). */
    public final int[] strongest;
    /** The Kernighan-Lin sides (0 or 1). */
    public final int[] klbSide;
    /** alpha_cv for each node and each of its communities, in cover order. */
    public final double[][] belonging;

    private CoverModularities(double noOverlap, double unweightedOverlap, double weightedOverlap, double klb,
                              int[] strongest, int[] klbSide, double[][] belonging) {
        this.noOverlap = noOverlap;
        this.unweightedOverlap = unweightedOverlap;
        this.weightedOverlap = weightedOverlap;
        this.klb = klb;
        this.strongest = strongest;
        this.klbSide = klbSide;
        this.belonging = belonging;
    }

    /**
     * @param klbIterations passes of Kernighan-Lin (networkx's default is 10)
     * @param seed          the seed of Kernighan-Lin's random start
     */
    public static CoverModularities of(UndirectedWeights g, int[][] cover, int klbIterations, long seed) {
        double[][] alpha = OverlappingModularity.belonging(g, cover);
        int[] strongest = strongestCommunity(cover, alpha);
        int[] side = KernighanLinBisection.bisect(g, klbIterations, seed);
        if (!(g.twoM > 0)) return new CoverModularities(Double.NaN, Double.NaN, Double.NaN, Double.NaN, strongest, side, alpha);
        return new CoverModularities(
                PartitionModularity.of(g, strongest, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT),
                OverlappingModularity.shen(g, cover),
                OverlappingModularity.chen(g, cover),
                PartitionModularity.of(g, side, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT),
                strongest, side, alpha);
    }

    /** False when the graph has no edge weight, so that modularity is undefined. */
    public boolean defined() { return !Double.isNaN(noOverlap); }

    /** Each node's community of largest belonging coefficient (first on ties), -1 for a node in none. */
    public static int[] strongestCommunity(int[][] cover, double[][] alpha) {
        int[] strongest = new int[cover.length];
        for (int v = 0; v < cover.length; v++) {
            strongest[v] = -1;
            double best = -1;
            for (int k = 0; k < cover[v].length; k++) if (alpha[v][k] > best) { best = alpha[v][k]; strongest[v] = cover[v][k]; }
        }
        return strongest;
    }
}
