package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.CapacitanceRanking;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.Locale;

/** Statistics panel entry for {@link CapacitanceRanking}. */
@ServiceProvider(service = StatisticsUI.class)
public final class CapacitanceRankingUI implements StatisticsUI {

    private SettingsPanel panel;
    private CapacitanceRanking statistics;

    /** Registers {@link CapacitanceRanking} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Neural capacitance ranking"; }
        @Override public Statistics getStatistics() { return new CapacitanceRanking(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return CapacitanceRanking.class; }
    }

    @Override
    public JPanel getSettingsPanel() {
        panel = new SettingsPanel("Neural capacitance ranking").field("Early epochs (t_e)", 4).field("Ridge degree", 4)
                .note("Ranks the candidates of a project written by neuralgraph capacitance (one workspace per candidate).");
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (CapacitanceRanking) s;
        if (panel != null) {
            panel.set("Early epochs (t_e)", statistics.getEarlyEpochs());
            panel.set("Ridge degree", statistics.getDegree());
        }
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) {
            statistics.setEarlyEpochs((int) panel.number("Early epochs (t_e)"));
            statistics.setDegree((int) panel.number("Ridge degree"));
        }
        panel = null;
        statistics = null;
    }

    @Override public Class<? extends Statistics> getStatisticsClass() { return CapacitanceRanking.class; }

    @Override
    public String getValue() {
        return statistics == null || statistics.getAgreement() == null ? ""
                : String.format(Locale.ROOT, "%.2f", statistics.getAgreement().spearman); // Spearman's rho; short, as the panel's width needs
    }

    /** Short as Gephi's names: "Neural capacitance ranking" with a negative rho was wider than the Statistics panel. */
    @Override public String getDisplayName() { return "Capacitance ranking"; }
    @Override public String getShortDescription() { return "Rank candidate models by the accuracy predicted from early beta_eff (Jiang et al. 2024)"; }
    @Override public String getCategory() { return StatisticsUI.CATEGORY_NETWORK_OVERVIEW; }
    @Override public int getPosition() { return 930; }
}
