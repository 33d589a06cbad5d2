package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.statistics.spi.Statistics;
import org.neuralgraph.core.capacitance.EffectiveCoupling;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A Gephi statistic for any weighted network: the effective coupling beta_eff of the Gao-Barzel-Barabasi mean-field
 * reduction, the "neural capacitance" of the neural-capacitance paper (method note Eq. 3), computed by {@link EffectiveCoupling}:
 * beta_eff = sum_k s_out(k) s_in(k) / sum of all weights, with weighted in- and out-degrees. A directed edge
 * source -&gt; target counts as the source acting on the target; an undirected edge acts both ways. Edge weights
 * must be non-negative (the reduction assumes it). Writes the graph attribute {@code beta_eff}.
 */
public final class EffectiveCouplingStatistic extends TicketTask implements Statistics {

    /** What the report says about the computation: shared with {@link DynamicEffectiveCoupling}. */
    static final String COMPUTED = "The networked dynamics dx_i/dt = f(x_i) + sum_j P_ij g(x_i, x_j), with P the weighted "
            + "adjacency (row i receives), reduce by the mean-field operator L(z) = 1'P z / 1'P 1 to one equation "
            + "dx/dt = f(x) + beta_eff g(x, x) with beta_eff = 1'P P 1 / 1'P 1 = sum_k s_out(k) s_in(k) / sum_ij P_ij (the neural-capacitance paper, "
            + "method note Eq. 3). A directed edge counts as its source acting on its target, an undirected edge both ways. "
            + "beta_eff scales with the weights: compare it between graphs whose weights mean the same thing.";
    static final String REFERENCE = "Gao, Barzel and Barabasi, <i>Universal resilience patterns in complex networks</i>, Nature 530 (2016); "
            + "Jiang et al., <i>Network properties determine neural network performance</i>, Nature Communications 15:5718 (2024), Methods.";

    private Coupling result;
    private String error;

    /** The last result, or NaN. */
    public double getBetaEff() { return result == null ? Double.NaN : result.betaEff; }

    @Override
    public void execute(GraphModel gm) {
        result = null;
        error = null;
        Graph g = gm.getGraphVisible();
        g.readLock();
        try {
            progress.start("beta_eff", g.getEdgeCount());
            result = Coupling.of(g, Edge::getWeight, progress);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        } catch (CancelledException e) {
            error = "Cancelled.";
        } finally {
            g.readUnlock();
        }
        if (result != null) gm.getGraph().setAttribute(Names.BETA_EFF, result.betaEff);
    }

    /** beta_eff of one graph with the figures around it; the graph's read lock is the caller's. */
    static final class Coupling {
        final double betaEff;
        final double meanStrength;
        final double totalWeight;
        final int nodes;
        final int edges;

        private Coupling(double betaEff, double totalWeight, int nodes, int edges) {
            this.betaEff = betaEff;
            this.meanStrength = totalWeight / nodes;
            this.totalWeight = totalWeight;
            this.nodes = nodes;
            this.edges = edges;
        }

        /**
         * @param weight reads an edge's weight (non-negative and finite)
         * @throws IllegalArgumentException when the graph has no node or an edge has another weight
         */
        static Coupling of(Graph g, ToDoubleFunction<Edge> weight, ProgressMonitor progress) {
            Map<Node, Integer> index = new HashMap<>();
            for (Node n : g.getNodes()) index.put(n, index.size());
            if (index.isEmpty()) throw new IllegalArgumentException("the graph has no nodes");
            double[] in = new double[index.size()], out = new double[index.size()];
            double total = 0;
            int done = 0;
            for (Edge e : g.getEdges()) {
                double w = weight.applyAsDouble(e);
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("edge " + e.getId() + " has weight " + w
                            + "; beta_eff needs non-negative finite weights (use |w| for signed weights)");
                }
                int s = index.get(e.getSource()), t = index.get(e.getTarget());
                in[t] += w;
                out[s] += w;
                total += w;
                if (!e.isDirected() && s != t) {
                    in[s] += w;
                    out[t] += w;
                    total += w;
                }
                if (++done % 10_000 == 0) progress.progress(done, null);
                progress.checkCancelled();
            }
            return new Coupling(EffectiveCoupling.of(in, out), total, in.length, done);
        }
    }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>Effective coupling (beta_eff)</h1><hr>");
        if (result == null) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        h.append(String.format(Locale.ROOT, "<h2>Results</h2><table border=\"1\" cellpadding=\"3\">"
                        + "<tr><td>beta_eff = &lt;s_out s_in&gt; / &lt;s&gt;</td><td>%.6g</td></tr>"
                        + "<tr><td>&lt;s&gt;, the mean weighted degree (the homogeneous part)</td><td>%.6g</td></tr>"
                        + "<tr><td>beta_eff - &lt;s&gt; = cov(s_out, s_in) / &lt;s&gt; (the heterogeneous part)</td><td>%.6g</td></tr>"
                        + "<tr><td>nodes, edges, total weight</td><td>%d, %d, %.6g</td></tr></table>",
                result.betaEff, result.meanStrength, result.betaEff - result.meanStrength, result.nodes, result.edges, result.totalWeight));
        h.append("<h2>What was computed</h2>").append(COMPUTED).append(" The graph attribute <code>beta_eff</code> holds it.")
                .append("<h2>Reference</h2>").append(REFERENCE).append("</body></html>");
        return h.toString();
    }

    @Override
    public boolean cancel() {
        progress.cancel();
        return true;
    }
}
