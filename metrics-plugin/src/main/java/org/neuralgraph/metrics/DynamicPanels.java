package org.neuralgraph.metrics;

import org.neuralgraph.gephi.WindowedStatistic;

/** What the entries of our statistics over time share: the advice on Gephi's window and tick, the panel's value. */
final class DynamicPanels {

    /** Under our settings Gephi shows its window and tick; this says how to set them for a training run. */
    static final String WINDOW_NOTE = "Window and tick below: to measure each checkpoint alone, set the tick to their spacing<br>"
            + "(e.g. 5 epochs) and the window below it (e.g. 1). Each window's values are written at its start.";

    private DynamicPanels() { }

    /** The Statistics panel's line after a run: how many windows, how many without value. */
    static String value(WindowedStatistic statistics) {
        return statistics == null || statistics.getSeries() == null ? "" : statistics.getSeries().summary();
    }
}
