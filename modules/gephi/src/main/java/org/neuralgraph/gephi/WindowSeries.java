package org.neuralgraph.gephi;

import org.gephi.graph.api.Interval;
import org.gephi.statistics.plugin.ChartUtils;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link WindowedStatistic} measured: for each window of the timeline its interval and one value per figure,
 * NaN with a note where the figures are undefined; shown in the report as a line chart against time (the window's
 * start) and a table.
 */
public final class WindowSeries {

    private final String[] names;
    private final List<Interval> windows = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    WindowSeries(String[] names) {
        this.names = names.clone();
    }

    void add(Interval window, double[] figures, String note) {
        if (figures.length != names.length) throw new IllegalArgumentException(figures.length + " values for " + names.length + " figures");
        windows.add(window);
        values.add(figures.clone());
        notes.add(note);
    }

    /** Number of windows measured. */
    public int size() { return windows.size(); }

    public Interval window(int w) { return windows.get(w); }

    /** The timestamp of window {@code w}'s values: the window's start. */
    public double time(int w) { return windows.get(w).getLow(); }

    /** Figure {@code figure} (in the statistic's order) of window {@code w}; NaN when undefined there. */
    public double value(int figure, int w) { return values.get(w)[figure]; }

    /** Why window {@code w} has no values, or null. */
    public String note(int w) { return notes.get(w); }

    /** Number of windows whose figures are undefined. */
    public int undefined() {
        int n = 0;
        for (String note : notes) if (note != null) n++;
        return n;
    }

    /** For the Statistics panel: how many windows were measured and how many have no value. */
    public String summary() {
        return size() + " windows" + (undefined() > 0 ? ", " + undefined() + " without value" : "");
    }

    /** The figures against time as a line chart (an undefined value is a gap), as an HTML image. */
    String chart(String title, String valueAxis, String file) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int f = 0; f < names.length; f++) {
            XYSeries s = new XYSeries(names[f]);
            for (int w = 0; w < size(); w++) s.add(time(w), Double.isNaN(value(f, w)) ? null : value(f, w));
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time (start of the window)", valueAxis, data,
                PlotOrientation.VERTICAL, names.length > 1, false, false);
        XYPlot plot = (XYPlot) chart.getPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.GRAY);
        plot.setRangeGridlinePaint(Color.GRAY);
        Charts.style(chart);
        boolean whole = true; // checkpoints at whole epochs: whole ticks, not 0.2, 0.4, ...
        for (int w = 0; w < size(); w++) whole &= time(w) == Math.rint(time(w));
        if (whole) Charts.wholeTicks(plot);
        return ChartUtils.renderChart(chart, file);
    }

    /** One row per window: its interval, the timestamp of its values, the figures and the note. */
    String table() {
        StringBuilder h = new StringBuilder("<table border=\"1\" cellpadding=\"3\"><tr><th>window</th><th>time</th>");
        for (String name : names) h.append("<th>").append(name).append("</th>");
        h.append("<th>note</th></tr>");
        for (int w = 0; w < size(); w++) {
            Interval iw = window(w); // [t, t + window): the end left out (WindowedStatistic), unless the window is an instant
            h.append("<tr><td>[").append(number(iw.getLow())).append(", ").append(number(iw.getHigh()))
                    .append(iw.getHigh() > iw.getLow() ? ")" : "]").append("</td><td>").append(number(time(w))).append("</td>");
            for (int f = 0; f < names.length; f++) h.append("<td>").append(number(value(f, w))).append("</td>");
            h.append("<td>").append(note(w) == null ? "" : note(w)).append("</td></tr>");
        }
        return h.append("</table>").toString();
    }

    /** Five significant digits without trailing zeros (a whole number without decimals). */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return String.valueOf((long) x);
        String s = String.format(Locale.ROOT, "%.5g", x);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
