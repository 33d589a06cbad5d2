package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.plugin.ChartUtils;
import org.gephi.statistics.spi.Statistics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.core.progress.CancelledException;

import java.util.List;
import java.util.Locale;

/**
 * A Gephi statistic: Gephi's own Modularity (Louvain) at a range of resolutions, with a report that charts
 * modularity and the number of communities against the resolution, as Darnell and Leonard do in Fig. 2 to compare a
 * network before and after training. See {@link ModularitySweep} for the conventions. The communities of one
 * chosen resolution stay in the Data Laboratory column {@code modularity_class}.
 */
public final class ModularityOverResolutions extends TicketTask implements Statistics {

    private double[] resolutions = ModularitySweep.DEFAULT_RESOLUTIONS.clone();
    private double keepResolution = 1.0;
    private List<ModularitySweep.Result> results;
    private boolean cancelled;

    public double[] getResolutions() { return resolutions.clone(); }

    /** @throws IllegalArgumentException when empty or a value is not > 0 */
    public void setResolutions(double[] resolutions) {
        if (resolutions.length == 0) throw new IllegalArgumentException("resolutions: give at least one");
        for (double r : resolutions) if (!(r > 0)) throw new IllegalArgumentException("resolutions: each must be > 0, got " + r);
        this.resolutions = resolutions.clone();
    }

    public double getKeepResolution() { return keepResolution; }
    public void setKeepResolution(double keepResolution) { this.keepResolution = keepResolution; }

    /** The results of the last run, or null. */
    public List<ModularitySweep.Result> getResults() { return results; }

    @Override
    public void execute(GraphModel graphModel) {
        cancelled = false;
        try {
            results = ModularitySweep.run(graphModel, resolutions, keepResolution, progress);
        } catch (CancelledException e) {
            cancelled = true;
            results = null;
        }
    }

    @Override
    public String getReport() {
        if (results == null) {
            return "<html><body><h1>Modularity over resolutions</h1><p>" + (cancelled ? "Cancelled." : "Not run.") + "</p></body></html>";
        }
        XYSeries q = new XYSeries("Modularity");
        XYSeries c = new XYSeries("Communities");
        StringBuilder rows = new StringBuilder();
        for (ModularitySweep.Result r : results) {
            q.add(r.resolution(), r.modularity());
            c.add(r.resolution(), r.communities());
            rows.append(String.format(Locale.ROOT, "<tr><td>%.2f</td><td>%.4f</td><td>%d</td></tr>", r.resolution(), r.modularity(), r.communities()));
        }
        String qChart = chart(q, "Modularity against resolution", "Modularity", "modularity-resolution.png");
        String cChart = chart(c, "Communities against resolution", "Communities", "communities-resolution.png");
        return "<html><body><h1>Modularity over resolutions</h1><hr>"
                + "<h2>Parameters</h2>Resolutions: " + results.size() + " values from " + results.get(0).resolution() + " to "
                + results.get(results.size() - 1).resolution() + "; weighted; randomize off (reproducible)<br>"
                + "Communities kept in <i>modularity_class</i>: resolution " + keepResolution + "<br>"
                + "<h2>Results</h2><table border=\"1\" cellpadding=\"3\"><tr><th>resolution</th><th>modularity</th><th>communities</th></tr>"
                + rows + "</table><br>" + qChart + "<br>" + cChart
                + "<h2>What was computed</h2>Gephi's Louvain Modularity (Blondel et al. 2008) at each resolution. Gephi's resolution "
                + "&gamma; multiplies the internal term, Q = &Sigma;<sub>c</sub> [&gamma; L<sub>c</sub>/W &minus; (d<sub>c</sub>/2W)<sup>2</sup>]: "
                + "a higher resolution gives fewer, larger communities (the reverse of networkx's convention). The modularity shown is "
                + "the standard modularity (&gamma; = 1) of the partition found at each resolution. Directed edges are treated as undirected.<br>"
                + "<h2>Reference</h2>G. Darnell, T. Leonard, <i>Finding the \"Network\" Behind Neural Networks</i>, Section 4 and Fig. 2."
                + "</body></html>";
    }

    private static String chart(XYSeries series, String title, String yLabel, String file) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Resolution", yLabel, new XYSeriesCollection(series),
                PlotOrientation.VERTICAL, false, false, false);
        return ChartUtils.renderChart(Charts.styled(chart), file);
    }
}
