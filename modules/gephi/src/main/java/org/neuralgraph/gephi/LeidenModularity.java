package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.plugin.ChartUtils;
import org.gephi.statistics.plugin.Modularity;
import org.gephi.statistics.spi.Statistics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.stats.LeidenCommunities;
import org.neuralgraph.core.stats.PartitionModularity.Convention;

import java.util.Locale;

/**
 * A Gephi statistic, "Leiden communities": the communities of {@link LeidenCommunities} (Traag, Waltman and van Eck 2019)
 * on the visible graph, weighted, directed edges as undirected (as Gephi's Modularity), written into
 * {@code modularity_class} (so Appearance's partition by Modularity Class colours them) or a column of its own,
 * {@code leiden_class}. The report says what was computed, the resolution in both conventions, the seed, Q and the
 * community sizes, as Gephi's Modularity report does.
 */
public final class LeidenModularity extends TicketTask implements Statistics {

    /** The column of its own. */
    public static final String LEIDEN_CLASS = "leiden_class";

    private final LeidenCommunities leiden = new LeidenCommunities();
    private boolean ownColumn;
    private LeidenCommunities.Result result;
    private String error;
    private int nodes;
    private int edges;
    private double seconds;

    public double getResolution() { return leiden.resolution(); }
    public Convention getConvention() { return leiden.convention(); }
    /** @throws IllegalArgumentException when {@code gamma} is not a finite number > 0 */
    public void setResolution(double gamma, Convention convention) { leiden.resolution(gamma, convention); }
    public long getSeed() { return leiden.seed(); }
    public void setSeed(long seed) { leiden.seed(seed); }
    public int getIterations() { return leiden.iterations(); }
    public void setIterations(int iterations) { leiden.iterations(iterations); }
    public double getRandomness() { return leiden.randomness(); }
    public void setRandomness(double randomness) { leiden.randomness(randomness); }
    /** True: write {@code leiden_class}; false (default): Gephi's {@code modularity_class}. */
    public boolean isOwnColumn() { return ownColumn; }
    public void setOwnColumn(boolean ownColumn) { this.ownColumn = ownColumn; }
    public String getColumn() { return ownColumn ? LEIDEN_CLASS : Modularity.MODULARITY_CLASS; }

    /** The last result, or null. */
    public LeidenCommunities.Result getResult() { return result; }
    /** Newman's Q (γ = 1) of the last partition, or NaN. */
    public double getModularity() { return result == null ? Double.NaN : result.modularity(); }

    @Override
    public void execute(GraphModel gm) {
        result = null;
        error = null;
        long t0 = System.nanoTime();
        try {
            GraphArrays a = GraphArrays.of(gm);
            nodes = a.nodes.length;
            edges = gm.getGraphVisible().getEdgeCount();
            result = leiden.run(a.weights, progress);
            ModularitySweep.writeClasses(gm, a.nodes, result.membership(), getColumn(),
                    ownColumn ? "Leiden Class" : "Modularity Class");
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        } catch (CancelledException e) {
            error = "Cancelled.";
        }
        seconds = (System.nanoTime() - t0) / 1e9;
    }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>Leiden communities</h1><hr>");
        if (result == null) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        int[] sizes = result.sizes();
        XYSeries series = new XYSeries("Size");
        for (int c = 0; c < sizes.length; c++) series.add(c, sizes[c]);
        JFreeChart chart = ChartFactory.createXYLineChart("Size distribution", "Community (largest first)", "Size (number of nodes)",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        double rb = leiden.reichardtBornholdtResolution();
        h.append("<h2>Parameters</h2>")
                .append(String.format(Locale.ROOT, "Resolution: %s in Gephi's convention = %s in networkx's and igraph's (given in %s's)<br>",
                        fmt(1 / rb), fmt(rb), leiden.convention() == Convention.GEPHI ? "Gephi" : "networkx"))
                .append("Seed: ").append(leiden.seed()).append("<br>")
                .append("Iterations: ").append(leiden.iterations() == 0 ? "until an iteration changes nothing" : String.valueOf(leiden.iterations())).append("<br>")
                .append("Randomness of the refinement: ").append(fmt(leiden.randomness())).append("<br>")
                .append("Use edge weights: on; directed edges as undirected<br>")
                .append("Column: <i>").append(getColumn()).append("</i><br>")
                .append("<h2>Results</h2>")
                .append(String.format(Locale.ROOT, "Modularity: %.4f<br>Modularity with resolution (Gephi's convention): %.4f<br>"
                        + "Number of communities: %d<br>Largest community: %d nodes; nodes %d, edges %d; %.2f s<br><br>",
                        result.modularity(), leiden.convention() == Convention.GEPHI ? result.modularityAtResolution() : result.modularityAtResolution() / rb, result.communities(), sizes.length == 0 ? 0 : sizes[0], nodes, edges, seconds))
                .append(ChartUtils.renderChart(Charts.styled(chart), "leiden-size-distribution.png"))
                .append("<h2>What was computed</h2>")
                .append("The Leiden algorithm maximising Newman's modularity: local moving of nodes as in Louvain, then a refinement that splits ")
                .append("each community into well-connected parts before the network is aggregated, so that every community is connected. ")
                .append("Modularity here is Q = &Sigma;<sub>c</sub> [L<sub>c</sub>/m &minus; (d<sub>c</sub>/2m)<sup>2</sup>] ")
                .append("(L<sub>c</sub> weight inside community c, d<sub>c</sub> its strength, m the total weight), computed from the partition. ")
                .append("Gephi's resolution &gamma; multiplies the internal term, &Sigma;<sub>c</sub> [&gamma; L<sub>c</sub>/m &minus; (d<sub>c</sub>/2m)<sup>2</sup>]; ")
                .append("networkx and igraph put it on the null-model term, &Sigma;<sub>c</sub> [L<sub>c</sub>/m &minus; &gamma; (d<sub>c</sub>/2m)<sup>2</sup>]. ")
                .append("Gephi's &gamma; has the same optimum as networkx's 1/&gamma;: a higher Gephi resolution gives fewer, larger communities. ")
                .append("The same seed gives the same communities, numbered by size (0 the largest).")
                .append("<h2>Algorithm</h2>V. A. Traag, L. Waltman, N. J. van Eck, <i>From Louvain to Leiden: guaranteeing well-connected communities</i>, ")
                .append("Scientific Reports 9:5233 (2019), as implemented by CWTS's networkanalysis 1.3.0 (the library of Gephi's Leiden plugin).<br>")
                .append("M. E. J. Newman, <i>Modularity and community structure in networks</i>, PNAS 103 (2006).<br>")
                .append("V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, <i>Fast unfolding of communities in large networks</i>, J. Stat. Mech. (2008) P10008.")
                .append("</body></html>");
        return h.toString();
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+$", "");
    }
}
