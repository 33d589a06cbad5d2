package org.neuralgraph.gephi;

import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.statistics.spi.Statistics;
import org.neuralgraph.core.capacitance.EffectiveCoupling;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Gephi statistic for any weighted network: the effective coupling beta_eff of the Gao-Barzel-Barabasi mean-field
 * reduction, the "neural capacitance" of seed 004 (method note Eq. 3), computed by {@link EffectiveCoupling}:
 * beta_eff = sum_k s_out(k) s_in(k) / sum of all weights, with weighted in- and out-degrees. A directed edge
 * source -&gt; target counts as the source acting on the target; an undirected edge acts both ways. Edge weights
 * must be non-negative (the reduction assumes it). Writes the graph attribute {@code beta_eff}.
 */
public final class EffectiveCouplingStatistic extends TicketTask implements Statistics {

    private double betaEff = Double.NaN;
    private double meanStrength = Double.NaN;
    private int nodes;
    private int edges;
    private double totalWeight;
    private String error;

    /** The last result, or NaN. */
    public double getBetaEff() { return betaEff; }

    @Override
    public void execute(GraphModel gm) {
        betaEff = Double.NaN;
        error = null;
        Graph g = gm.getGraphVisible();
        g.readLock();
        try {
            progress.start("beta_eff", g.getEdgeCount());
            Map<Node, Integer> index = new HashMap<>();
            for (Node n : g.getNodes()) index.put(n, index.size());
            double[] in = new double[index.size()], out = new double[index.size()];
            totalWeight = 0;
            int done = 0;
            for (Edge e : g.getEdges()) {
                double w = e.getWeight();
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("edge " + e.getId() + " has weight " + w
                            + "; beta_eff needs non-negative finite weights (use |w| for signed weights)");
                }
                int s = index.get(e.getSource()), t = index.get(e.getTarget());
                in[t] += w;
                out[s] += w;
                totalWeight += w;
                if (!e.isDirected() && s != t) {
                    in[s] += w;
                    out[t] += w;
                    totalWeight += w;
                }
                if (++done % 10_000 == 0) progress.progress(done, null);
                if (progress.isCancelled()) return;
            }
            nodes = in.length;
            edges = g.getEdgeCount();
            if (nodes == 0) throw new IllegalArgumentException("the graph has no nodes");
            betaEff = EffectiveCoupling.of(in, out);
            meanStrength = totalWeight / nodes;
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        } finally {
            g.readUnlock();
        }
        if (!Double.isNaN(betaEff)) gm.getGraph().setAttribute("beta_eff", betaEff);
    }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>Effective coupling (beta_eff)</h1><hr>");
        if (Double.isNaN(betaEff)) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        h.append(String.format(Locale.ROOT, "<h2>Results</h2><table border=\"1\" cellpadding=\"3\">"
                        + "<tr><td>beta_eff = &lt;s_out s_in&gt; / &lt;s&gt;</td><td>%.6g</td></tr>"
                        + "<tr><td>&lt;s&gt;, the mean weighted degree (the homogeneous part)</td><td>%.6g</td></tr>"
                        + "<tr><td>beta_eff - &lt;s&gt; = cov(s_out, s_in) / &lt;s&gt; (the heterogeneous part)</td><td>%.6g</td></tr>"
                        + "<tr><td>nodes, edges, total weight</td><td>%d, %d, %.6g</td></tr></table>",
                betaEff, meanStrength, betaEff - meanStrength, nodes, edges, totalWeight));
        h.append("<h2>What was computed</h2>The networked dynamics dx_i/dt = f(x_i) + sum_j P_ij g(x_i, x_j), with P the weighted "
                + "adjacency (row i receives), reduce by the mean-field operator L(z) = 1'P z / 1'P 1 to one equation "
                + "dx/dt = f(x) + beta_eff g(x, x) with beta_eff = 1'P P 1 / 1'P 1 = sum_k s_out(k) s_in(k) / sum_ij P_ij. A directed "
                + "edge counts as its source acting on its target, an undirected edge both ways. beta_eff scales with the weights: "
                + "compare it between graphs whose weights mean the same thing. The graph attribute <code>beta_eff</code> holds it."
                + "<h2>Reference</h2>Gao, Barzel and Barabasi, <i>Universal resilience patterns in complex networks</i>, Nature 530 (2016); "
                + "Jiang et al., <i>Network properties determine neural network performance</i>, Nature Communications 15:5718 (2024), Methods.</body></html>");
        return h.toString();
    }

    @Override
    public boolean cancel() {
        progress.cancel();
        return true;
    }
}
