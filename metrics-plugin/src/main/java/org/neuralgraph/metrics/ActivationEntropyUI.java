package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.ActivationPatternEntropy;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.Locale;

/** Statistics panel entry for {@link ActivationPatternEntropy}. */
@ServiceProvider(service = StatisticsUI.class)
public final class ActivationEntropyUI implements StatisticsUI {

    private SettingsPanel panel;
    private ActivationPatternEntropy statistics;

    /** Registers {@link ActivationPatternEntropy} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Activation pattern entropy"; }
        @Override public Statistics getStatistics() { return new ActivationPatternEntropy(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return ActivationPatternEntropy.class; }
    }

    @Override
    public JPanel getSettingsPanel() {
        panel = new SettingsPanel("Activation pattern entropy").field("Bins (R)", 4)
                .note("Runs on the activations recorded with the workspace by the activation-pattern importer.");
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (ActivationPatternEntropy) s;
        if (panel != null) panel.set("Bins (R)", statistics.getBins());
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) statistics.setBins((int) panel.number("Bins (R)"));
        panel = null;
        statistics = null;
    }

    @Override public Class<? extends Statistics> getStatisticsClass() { return ActivationPatternEntropy.class; }

    @Override
    public String getValue() {
        if (statistics == null || Double.isNaN(statistics.getTotal())) return "";
        // a sum over the neurons, often in the hundreds: whole numbers there, so the Statistics panel keeps its width
        return String.format(Locale.ROOT, Math.abs(statistics.getTotal()) >= 100 ? "%.0f" : "%.2f", statistics.getTotal());
    }

    @Override public String getDisplayName() { return "Activation pattern entropy"; }
    @Override public String getShortDescription() { return "Entropy of each neuron's activations over a data set (Mostafa & Mondal, Section 5.2)"; }
    @Override public String getCategory() { return StatisticsUI.CATEGORY_NODE_OVERVIEW; }
    @Override public int getPosition() { return 910; }
}
