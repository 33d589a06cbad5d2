package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.EffectiveCouplingStatistic;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.Locale;

/** Statistics panel entry for {@link EffectiveCouplingStatistic}; it has no settings. */
@ServiceProvider(service = StatisticsUI.class)
public final class EffectiveCouplingUI implements StatisticsUI {

    private EffectiveCouplingStatistic statistics;

    /** Registers {@link EffectiveCouplingStatistic} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Effective coupling (beta_eff)"; }
        @Override public Statistics getStatistics() { return new EffectiveCouplingStatistic(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return EffectiveCouplingStatistic.class; }
    }

    @Override public JPanel getSettingsPanel() { return null; }
    @Override public void setup(Statistics s) { statistics = (EffectiveCouplingStatistic) s; }
    @Override public void unsetup() { }
    @Override public Class<? extends Statistics> getStatisticsClass() { return EffectiveCouplingStatistic.class; }

    @Override
    public String getValue() {
        return statistics == null || Double.isNaN(statistics.getBetaEff()) ? "" : String.format(Locale.ROOT, "%.4g", statistics.getBetaEff());
    }

    /** Short as Gephi's names: with its value, "Effective coupling (beta_eff)" was wider than the Statistics panel. */
    @Override public String getDisplayName() { return "Effective coupling"; }
    @Override public String getShortDescription() { return "Gao-Barzel-Barabasi mean-field coupling, the neural capacitance of Jiang et al. (2024)"; }
    @Override public String getCategory() { return StatisticsUI.CATEGORY_NETWORK_OVERVIEW; }
    @Override public int getPosition() { return 920; }
}
