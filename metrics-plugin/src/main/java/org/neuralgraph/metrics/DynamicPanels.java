package org.neuralgraph.metrics;

/** What the entries of our statistics over time share: the advice on Gephi's window and tick, the panel's value. */
final class DynamicPanels {

    /** Under our settings Gephi shows its window and tick; this says how to set them for a training run. */
    static final String WINDOW_NOTE = "Window and tick below: windows are [t, t + window), and those without a checkpoint are<br>"
            + "skipped, so the defaults (1 and 1) measure each checkpoint alone when checkpoints are whole epochs.<br>"
            + "Each window's values are written at its start.";

    private DynamicPanels() { }

    /**
     * What the Statistics panel shows beside the name after a run: nothing, as for Gephi's own statistics over time. A
     * series has no one value, "12 windows" widened the panel past its space, and the report (opened after the run)
     * lists the windows and those without value.
     */
    static final String VALUE = "";
}
