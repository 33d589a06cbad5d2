package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.SmallWorldParameters;

import javax.swing.JPanel;

/**
 * A Statistics panel entry whose settings are niter, nrand and seed ({@link SmallWorldPanel}): the static and the
 * dynamic small-world statistics.
 */
abstract class SmallWorldEntry implements StatisticsUI {

    private SmallWorldPanel panel;
    private SmallWorldParameters parameters;

    /** Keeps the statistic (for {@link #getValue()}) and returns its parameters. */
    abstract SmallWorldParameters attach(Statistics s);

    /** The note under the fields (HTML). */
    abstract String note();

    @Override
    public JPanel getSettingsPanel() {
        panel = new SmallWorldPanel(getDisplayName(), note());
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        parameters = attach(s);
        if (panel != null) panel.show(parameters);
    }

    @Override
    public void unsetup() {
        if (panel != null && parameters != null) panel.apply(parameters);
        panel = null;
        parameters = null;
    }
}
