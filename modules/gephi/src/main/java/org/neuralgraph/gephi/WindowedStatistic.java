package org.neuralgraph.gephi;

import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.GraphView;
import org.gephi.graph.api.Interval;
import org.gephi.statistics.spi.DynamicStatistics;
import org.neuralgraph.core.progress.CancelledException;

import java.util.Arrays;

/**
 * A statistic over the timeline, in Gephi's "Dynamic" category ({@link DynamicStatistics}): Gephi calls
 * {@link #execute} once, {@link #loop} for each window, t moving by the tick, then {@link #end}. A window is
 * [t, t + window), its end left out (Gephi's own windows are closed; a window of 0 is the instant t): with Gephi's
 * default window and tick of 1, a window starting at a checkpoint one epoch before the next holds that checkpoint
 * alone, and windows that hold no checkpoint at all (checkpoints 5 epochs apart) are skipped, so the series sits on
 * the checkpoints' own times whatever their spacing, as long as the window is at most that spacing. Each window's
 * figures are measured on the window's graph (the nodes and edges that exist at some time in it) with dynamic weights
 * and node values read over the window's interval; they are kept in a {@link WindowSeries}, written as dynamic graph
 * attributes at the window's start t, and charted in the report.
 *
 * <p>Gephi starts windows from the start of the bounds while a whole window fits before their end; {@link #getBounds()}
 * returns the bounds set extended by one window, so that a window also starts at every tick up to the end itself and the
 * last checkpoint is measured. A window without edges, or one the measure refuses (e.g. a component too small for
 * the small-world references, no edge weight for modularity), records NaN with a note instead of failing the run;
 * after {@link #cancel()} the remaining windows are skipped.
 */
public abstract class WindowedStatistic extends TicketTask implements DynamicStatistics {

    private final String title;
    private final String[] keys;
    private final String[] names;
    private double window;
    private double tick = 1;
    private Interval bounds;
    private GraphModel model;
    private WindowSeries series;
    private String error;

    /**
     * @param keys  the graph attribute of each figure, e.g. {@code dynamic_beta_eff}
     * @param names the name of each figure in the chart and the table
     */
    protected WindowedStatistic(String title, String[] keys, String[] names) {
        if (keys.length != names.length) throw new IllegalArgumentException(keys.length + " keys for " + names.length + " names");
        this.title = title;
        this.keys = keys.clone();
        this.names = names.clone();
    }

    /** Checks the settings against the workspace before the first window. @throws IllegalArgumentException to refuse the run */
    protected void prepare(GraphModel gm) { }

    /**
     * The figures of one window, in the order of the keys; the graph's read lock is held.
     *
     * @param window   the window's graph, with at least one edge
     * @param interval the window's time interval, over which dynamic values are read
     * @throws IllegalArgumentException when the figures are undefined in this window (recorded as NaN with the message)
     */
    protected abstract double[] measure(Graph window, Interval interval);

    /** The statistic's own parameters for the report (HTML). */
    protected abstract String parameters();

    /** The report's "What was computed" for one window (HTML). */
    protected abstract String computed();

    /** The report's reference (HTML). */
    protected abstract String reference();

    @Override
    public final void execute(GraphModel gm) {
        model = gm;
        series = new WindowSeries(names);
        error = null;
        for (String key : keys) gm.getGraph().removeAttribute(key);
        try {
            prepare(gm);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
    }

    @Override
    public final void loop(GraphView view, Interval closed) {
        if (series == null || error != null || progress.isCancelled()) return;
        Interval interval = closed;
        GraphView own = null;
        Graph g = model.getGraph(view);
        if (closed.getHigh() > closed.getLow()) {
            // [t, t + window): the nodes and edges of Gephi's window that exist before its end (built before the read
            // lock below: a view is changed under the store's write lock)
            interval = new Interval(closed.getLow(), Math.nextDown(closed.getHigh()));
            own = model.createView();
            org.gephi.graph.api.Subgraph sub = model.getGraph(own);
            for (org.gephi.graph.api.Node n : model.getNodeTimeIndex(view).get(interval)) sub.addNode(n);
            for (org.gephi.graph.api.Edge e : model.getEdgeTimeIndex(view).get(interval)) {
                if (sub.contains(e.getSource()) && sub.contains(e.getTarget())) sub.addEdge(e); // a file may give an edge a time its nodes lack
            }
            g = sub;
        }
        try {
            if (g.getNodeCount() > 0) measure(g, interval, closed);
        } finally {
            if (own != null) model.destroyView(own);
        }
    }

    private void measure(Graph g, Interval interval, Interval closed) {
        double[] figures = new double[keys.length];
        Arrays.fill(figures, Double.NaN);
        String note = null;
        g.readLock();
        try {
            if (g.getEdgeCount() == 0) note = "no edges in the window (" + g.getNodeCount() + " nodes)";
            else figures = measure(g, interval);
        } catch (IllegalArgumentException e) {
            note = e.getMessage();
        } catch (CancelledException e) {
            return;
        } finally {
            g.readUnlock();
        }
        series.add(closed, figures, note);
        Graph main = model.getGraph();
        for (int k = 0; k < keys.length; k++) main.setAttribute(keys[k], figures[k], closed.getLow());
    }

    @Override
    public void end() { }

    /** What the last run measured, or null before a run. */
    public WindowSeries getSeries() { return series; }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>").append(title).append(" over time</h1><hr>");
        if (series == null || error != null) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        h.append("<h2>Parameters</h2>");
        if (bounds != null) h.append("Bounds ").append(WindowSeries.number(bounds.getLow())).append(" to ").append(WindowSeries.number(bounds.getHigh())).append(", ");
        h.append("window ").append(WindowSeries.number(window)).append(", tick ").append(WindowSeries.number(tick)).append("; ").append(parameters());
        h.append("<h2>Results</h2>");
        if (progress.isCancelled()) h.append("<p>Cancelled after ").append(series.size()).append(" windows.</p>");
        if (series.size() == 0) {
            h.append("<p>No window was measured.</p>");
        } else {
            h.append(series.chart(title, "value", title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-ts.png"))
                    .append("<br>").append(series.table());
            if (series.undefined() > 0) {
                h.append("<p>").append(series.undefined()).append(" of ").append(series.size())
                        .append(" windows have no value (NaN): their notes say why.</p>");
            }
        }
        h.append("<h2>What was computed</h2>").append(computed())
                .append("<p>Each window [t, t + window) (its end left out; a window of 0 is the instant t) holds the nodes and edges "
                        + "that exist at some time in it, and a window that holds none is skipped; dynamic edge weights "
                        + "and node values are read over the window as graphstore estimates them (the column's estimator, FIRST unless "
                        + "changed: the earliest value in the window; an edge without a weight there counts 0). A window's values are "
                        + "written at its start t into the dynamic graph attributes <code>")
                .append(String.join("</code>, <code>", keys))
                .append("</code>. Each checkpoint is measured alone when the window is at most their spacing and the tick divides "
                        + "it (Gephi's default window and tick of 1, for checkpoints at whole epochs).</p>")
                .append("<h2>Reference</h2>").append(reference()).append("</body></html>");
        return h.toString();
    }

    @Override public double getWindow() { return window; }

    @Override
    public void setWindow(double window) {
        if (!(window >= 0) || Double.isInfinite(window)) throw new IllegalArgumentException("window must be >= 0 and finite, got " + window);
        this.window = window;
    }

    @Override public double getTick() { return tick; }

    @Override
    public void setTick(double tick) {
        if (!(tick > 0) || Double.isInfinite(tick)) throw new IllegalArgumentException("tick must be > 0 and finite, got " + tick);
        this.tick = tick;
    }

    /** The bounds set, extended at the end by one window (see the class comment); null when none were set. */
    @Override
    public Interval getBounds() {
        return bounds == null ? null : new Interval(bounds.getLow(), bounds.getHigh() + window);
    }

    @Override
    public void setBounds(Interval bounds) { this.bounds = bounds; }
}
