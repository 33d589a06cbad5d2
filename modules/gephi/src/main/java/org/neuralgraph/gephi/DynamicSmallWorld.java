package org.neuralgraph.gephi;

import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.neuralgraph.core.stats.SmallWorld;

/**
 * The small-world coefficients of Darnell and Leonard, Fig. 8 over the timeline: sigma, omega, C/Cr and L/Lr of each window, as
 * {@link SmallWorldCoefficients} computes them on one graph ({@link SmallWorld}, networkx 2.8's definitions, on the
 * largest connected component, edges undirected and unweighted). Every window uses the same seed, so a window's values
 * are those of the static statistic on that window's graph; the seed is written as the graph attribute
 * {@code dynamic_small_world_seed}.
 */
public final class DynamicSmallWorld extends WindowedStatistic {

    private final SmallWorldParameters parameters = new SmallWorldParameters();

    public DynamicSmallWorld() {
        super("Small-world coefficients",
                new String[]{"dynamic_small_world_sigma", "dynamic_small_world_omega", "dynamic_small_world_c_cr", "dynamic_small_world_l_lr"},
                new String[]{"sigma", "omega", "C / Cr", "L / Lr"});
    }

    /** niter, nrand and seed, to read and set before a run. */
    public SmallWorldParameters getParameters() { return parameters; }

    @Override
    protected void prepare(GraphModel gm) {
        gm.getGraph().setAttribute("dynamic_small_world_seed", parameters.getSeed());
    }

    @Override
    protected double[] measure(Graph window, Interval interval) {
        SmallWorld.Result r = parameters.of(GraphArrays.of(window, interval).weights);
        return new double[]{r.sigma, r.omega, r.normalisedClustering(), r.normalisedPathLength()};
    }

    @Override
    protected String parameters() {
        return parameters.describe() + ", the same seed in every window";
    }

    @Override
    protected String computed() {
        return SmallWorldCoefficients.COMPUTED + " Each window is measured on its largest connected component; a window whose "
                + "largest component has fewer than 4 nodes or 2 edges has no value.";
    }

    @Override
    protected String reference() {
        return SmallWorldCoefficients.REFERENCE;
    }
}
