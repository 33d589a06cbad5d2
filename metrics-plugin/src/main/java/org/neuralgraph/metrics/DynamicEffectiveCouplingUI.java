package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.DynamicEffectiveCoupling;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;

/**
 * Statistics panel entry for {@link DynamicEffectiveCoupling} in the Dynamic category; its only settings are Gephi's
 * window and tick.
 */
@ServiceProvider(service = StatisticsUI.class)
public final class DynamicEffectiveCouplingUI implements StatisticsUI {

    /** Registers {@link DynamicEffectiveCoupling} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Effective coupling (beta_eff) over time"; }
        @Override public Statistics getStatistics() { return new DynamicEffectiveCoupling(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicEffectiveCoupling.class; }
    }

    @Override public JPanel getSettingsPanel() { return new SettingsPanel("Effective coupling (beta_eff) over time").note(DynamicPanels.WINDOW_NOTE); }
    @Override public void setup(Statistics s) { }
    @Override public void unsetup() { }
    @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicEffectiveCoupling.class; }
    @Override public String getValue() { return DynamicPanels.VALUE; }
    @Override public String getDisplayName() { return "Effective coupling"; }
    @Override public String getShortDescription() { return "beta_eff and the mean weighted degree of each window of the timeline (Jiang et al. 2024)"; }
    @Override public String getCategory() { return StatisticsUI.CATEGORY_DYNAMIC; }
    @Override public int getPosition() { return 920; }
}
