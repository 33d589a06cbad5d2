package org.neuralgraph.gephi;

import org.neuralgraph.core.stats.SmallWorld;
import org.neuralgraph.core.stats.UndirectedWeights;

/**
 * The parameters of networkx's sigma and omega as {@link SmallWorld} computes them (Darnell and Leonard, Fig. 8): swaps per edge
 * ({@code niter}), number of references ({@code nrand}) and the seed of the random references. The static and the
 * dynamic small-world statistics hold one each, and their settings panels edit it.
 */
public final class SmallWorldParameters {

    private int niter = 5;
    private int nrand = 5;
    private long seed = 42;

    public int getNiter() { return niter; }
    public int getNrand() { return nrand; }
    public long getSeed() { return seed; }

    /** @throws IllegalArgumentException when {@code niter < 1} */
    public void setNiter(int niter) { this.niter = SmallWorld.atLeastOne("niter", niter); }

    /** @throws IllegalArgumentException when {@code nrand < 1} */
    public void setNrand(int nrand) { this.nrand = SmallWorld.atLeastOne("nrand", nrand); }

    public void setSeed(long seed) { this.seed = seed; }

    /** The coefficients of {@code graph} with these parameters. */
    SmallWorld.Result of(UndirectedWeights graph) {
        return SmallWorld.of(graph, niter, nrand, seed);
    }

    /** The parameters as the reports state them. */
    String describe() {
        return "niter " + niter + ", nrand " + nrand + ", seed " + seed;
    }
}
