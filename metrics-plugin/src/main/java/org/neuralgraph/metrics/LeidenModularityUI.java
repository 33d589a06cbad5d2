package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.core.stats.PartitionModularity.Convention;
import org.neuralgraph.gephi.LeidenModularity;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.List;
import java.util.Locale;

/** Statistics panel entry for {@link LeidenModularity}. */
@ServiceProvider(service = StatisticsUI.class)
public final class LeidenModularityUI implements StatisticsUI {

    static final String GEPHI = "Gephi (γ on the internal term)";
    static final String NETWORKX = "networkx / igraph (γ on the null model)";
    static final String MODULARITY_CLASS = "modularity_class";

    private SettingsPanel panel;
    private LeidenModularity statistics;

    /** Registers {@link LeidenModularity} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Leiden communities"; }
        @Override public Statistics getStatistics() { return new LeidenModularity(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return LeidenModularity.class; }
    }

    @Override
    public JPanel getSettingsPanel() {
        panel = new SettingsPanel("Leiden communities")
                .field("Resolution", 6).choice("Convention", 26).field("Seed", 10).field("Iterations", 4)
                .choice("Column", 16)
                .note("Leiden (Traag, Waltman and van Eck 2019) maximising modularity, weighted, edges as undirected.<br>"
                        + "Gephi's resolution γ has the same communities as networkx's 1/γ; both agree at 1.<br>"
                        + "The same seed gives the same communities. Iterations 0: until nothing changes.<br>"
                        + "modularity_class is the column Gephi's Modularity writes; leiden_class keeps it.");
        panel.choices("Convention", List.of(GEPHI, NETWORKX));
        panel.choices("Column", List.of(MODULARITY_CLASS, LeidenModularity.LEIDEN_CLASS));
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (LeidenModularity) s;
        if (panel != null) {
            panel.set("Resolution", statistics.getResolution());
            panel.set("Convention", statistics.getConvention() == Convention.GEPHI ? GEPHI : NETWORKX);
            panel.set("Seed", statistics.getSeed());
            panel.set("Iterations", statistics.getIterations());
            panel.set("Column", statistics.getColumn());
        }
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) {
            double gamma;
            try {
                gamma = Double.parseDouble(panel.text("Resolution"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Resolution: '" + panel.text("Resolution") + "' is not a number");
            }
            String convention = panel.text("Convention");
            if (!convention.equals(GEPHI) && !convention.equals(NETWORKX)) throw new IllegalArgumentException("Convention: choose Gephi or networkx, got '" + convention + "'");
            String column = panel.text("Column");
            if (!column.equals(MODULARITY_CLASS) && !column.equals(LeidenModularity.LEIDEN_CLASS)) {
                throw new IllegalArgumentException("Column: choose modularity_class or leiden_class, got '" + column + "'");
            }
            statistics.setResolution(gamma, convention.equals(GEPHI) ? Convention.GEPHI : Convention.REICHARDT_BORNHOLDT);
            statistics.setSeed(panel.number("Seed"));
            statistics.setIterations((int) panel.number("Iterations"));
            statistics.setOwnColumn(column.equals(LeidenModularity.LEIDEN_CLASS));
        }
        panel = null;
        statistics = null;
    }

    @Override public Class<? extends Statistics> getStatisticsClass() { return LeidenModularity.class; }

    /** As Gephi's Modularity: Q of the communities found. */
    @Override
    public String getValue() {
        if (statistics == null || statistics.getResult() == null) return "";
        return String.format(Locale.ROOT, "%.3f", statistics.getModularity());
    }

    @Override public String getDisplayName() { return "Leiden communities"; }

    @Override
    public String getShortDescription() {
        return "Leiden (Traag et al. 2019) modularity communities, seeded, resolution in Gephi's or networkx's convention; fast on large weight graphs";
    }

    @Override public String getCategory() { return StatisticsUI.CATEGORY_COMMUNITY_DETECTION; }
    @Override public int getPosition() { return 920; }
}
