package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.plugin.ChartUtils;
import org.gephi.statistics.spi.Statistics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.neuralgraph.core.stats.SmallWorld;

import java.util.Locale;

/**
 * A Gephi statistic: the small-world coefficients sigma and omega with the normalised clustering C/Cr and path
 * length L/Lr that Darnell and Leonard plot in Fig. 8, computed by {@link SmallWorld} (networkx 2.8's definitions, on the
 * largest connected component, edges as undirected and unweighted). The local clustering per node is Gephi's
 * own Clustering Coefficient statistic; this one writes the figures as graph attributes.
 */
public final class SmallWorldCoefficients extends TicketTask implements Statistics {

    /** What the report says about the computation: shared with {@link DynamicSmallWorld}. */
    static final String COMPUTED = "As networkx 2.8's sigma and omega: random references by Maslov-Sneppen double edge "
            + "swaps that keep degrees and connectivity (niter swaps per edge for sigma, twice that for omega), lattice "
            + "references by swaps towards a ring lattice (Sporns and Zwi); sigma uses transitivity, omega average clustering "
            + "and the largest Cl found. sigma &gt; 1 and omega near 0 indicate a small world; omega near -1 a lattice, near 1 a random graph.";
    static final String REFERENCE = "Darnell and Leonard, <i>Finding the \"Network\" Behind Neural Networks</i>, Fig. 8; "
            + "Telesford et al. 2011 (omega); Humphries and Gurney 2008 (sigma).";

    private final SmallWorldParameters parameters = new SmallWorldParameters();
    private SmallWorld.Result result;
    private String error;

    /** niter, nrand and seed, to read and set before a run. */
    public SmallWorldParameters getParameters() { return parameters; }

    /** The last result, or null. */
    public SmallWorld.Result getResult() { return result; }

    @Override
    public void execute(GraphModel gm) {
        result = null;
        error = null;
        try {
            progress.start("small-world coefficients", -1);
            result = parameters.of(GraphArrays.of(gm).weights);
            gm.getGraph().setAttribute("small_world_sigma", result.sigma);
            gm.getGraph().setAttribute("small_world_omega", result.omega);
            gm.getGraph().setAttribute("small_world_seed", parameters.getSeed());
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
    }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>Small-world coefficients</h1><hr>");
        if (result == null) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        SmallWorld.Result r = result;
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        d.addValue(r.normalisedClustering(), "value", "C / Cr");
        d.addValue(r.normalisedPathLength(), "value", "L / Lr");
        JFreeChart chart = ChartFactory.createBarChart("Normalised clustering and path length", "", "ratio to random reference",
                d, PlotOrientation.VERTICAL, false, false, false);
        h.append("<h2>Parameters</h2>").append(parameters.describe())
                .append("; largest component: ").append(r.componentNodes).append(" of ").append(r.nodes).append(" nodes")
                .append("<h2>Results</h2><table border=\"1\" cellpadding=\"3\">")
                .append(row("sigma = (C/Cr) / (L/Lr)", r.sigma)).append(row("omega = Lr/L - C/Cl", r.omega))
                .append(row("C (transitivity)", r.transitivity)).append(row("Cr (random references)", r.randomTransitivity))
                .append(row("C (average clustering, for omega)", r.averageClustering)).append(row("Cl (lattice references)", r.latticeClustering))
                .append(row("L (average shortest path length)", r.pathLength)).append(row("Lr (random references)", r.randomPathLength))
                .append(row("C / Cr", r.normalisedClustering())).append(row("L / Lr", r.normalisedPathLength()))
                .append("</table><br>").append(ChartUtils.renderChart(Charts.styled(chart), "small-world.png"))
                .append("<h2>What was computed</h2>").append(COMPUTED).append("<h2>Reference</h2>").append(REFERENCE).append("</body></html>");
        return h.toString();
    }

    private static String row(String name, double v) {
        return String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td></tr>", name, v);
    }

    @Override
    public boolean cancel() {
        progress.cancel();
        return false; // the computation has no cancellation point; it takes about a second on 10,000 edges
    }
}
