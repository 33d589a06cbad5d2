package org.neuralgraph.metrics;

import org.neuralgraph.gephi.WindowedStatistic;

/** What the entries of our statistics over time share: the advice on Gephi's window and tick, the panel's value. */
final class DynamicPanels {

    /** Under our settings Gephi shows its window and tick; this says how to set them for a training run. */
    static final String WINDOW_NOTE = "Window and tick below: to measure each checkpoint alone, set the tick to their spacing<br>"
            + "(e.g. 5 epochs) and the window below it (e.g. 1). Each window's values are written at its start.";

    private DynamicPanels() { }

    /**
     * The Statistics panel's line after a run, short so the panel keeps its width: "12 windows", or "9/12 windows" when
     * three have no value.
     */
    static String value(WindowedStatistic statistics) {
        if (statistics == null || statistics.getSeries() == null) return "";
        int n = statistics.getSeries().size(), defined = n - statistics.getSeries().undefined();
        return (defined == n ? "" : defined + "/") + n + " windows";
    }
}
