package org.neuralgraph.gephi;

import org.gephi.graph.api.Graph;
import org.gephi.graph.api.Interval;

/**
 * The effective coupling beta_eff (the neural-capacitance paper, method note Eq. 3) over the timeline: beta_eff and the mean weighted degree
 * &lt;s&gt; of each window, as {@link EffectiveCouplingStatistic} computes them on one graph, with each edge's weight
 * read over the window. beta_eff - &lt;s&gt; is the heterogeneous part, so the two series tell whether beta_eff moves
 * with the scale of the weights or with their arrangement.
 */
public final class DynamicEffectiveCoupling extends WindowedStatistic {

    public DynamicEffectiveCoupling() {
        super("Effective coupling (beta_eff)", new String[]{"dynamic_beta_eff", "dynamic_mean_strength"},
                new String[]{"beta_eff", "mean weighted degree"});
    }

    @Override
    protected double[] measure(Graph window, Interval interval) {
        EffectiveCouplingStatistic.Coupling c = EffectiveCouplingStatistic.Coupling.of(window, GraphArrays.weights(window, interval), progress);
        return new double[]{c.betaEff, c.meanStrength};
    }

    @Override
    protected String parameters() {
        return "no other parameters";
    }

    @Override
    protected String computed() {
        return EffectiveCouplingStatistic.COMPUTED + " The mean weighted degree &lt;s&gt; = sum of all weights / nodes (the window's nodes without "
                + "edges count) is the homogeneous part of beta_eff; beta_eff - &lt;s&gt; = cov(s_out, s_in) / &lt;s&gt; the heterogeneous part.";
    }

    @Override
    protected String reference() {
        return EffectiveCouplingStatistic.REFERENCE;
    }
}
