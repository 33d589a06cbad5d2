package org.neuralgraph.metrics;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.CommunityQuality;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.Locale;

/** Statistics panel entry for {@link CommunityQuality}. */
@ServiceProvider(service = StatisticsUI.class)
public final class CommunityQualityUI implements StatisticsUI {

    private SettingsPanel panel;
    private CommunityQuality statistics;

    /** Registers {@link CommunityQuality} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Overlapping modularity"; }
        @Override public Statistics getStatistics() { return new CommunityQuality(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return CommunityQuality.class; }
    }

    @Override
    public JPanel getSettingsPanel() {
        panel = new SettingsPanel("Overlapping modularity")
                .choice("Cover column", 16).field("COPRA v", 4).field("Kernighan-Lin passes", 4).field("Seed", 10)
                .note("The cover column is a partition (e.g. modularity_class) or lists each node's<br>"
                        + "communities separated by | (e.g. classes: 3|7); the list offers this workspace's.<br>"
                        + "Leave it empty to detect an overlapping cover by COPRA label propagation<br>"
                        + "(at most v communities per node). Edges count as undirected.");
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (CommunityQuality) s;
        if (panel != null) {
            GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel();
            String cover = statistics.getCoverColumn();
            if (gm != null) {
                cover = CoverColumns.choose(gm, cover, "");
                panel.choices("Cover column", CoverColumns.candidates(gm));
            }
            panel.set("Cover column", cover);
            panel.set("COPRA v", statistics.getCopraV());
            panel.set("Kernighan-Lin passes", statistics.getKlbIterations());
            panel.set("Seed", statistics.getSeed());
        }
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) {
            statistics.setCoverColumn(panel.text("Cover column"));
            statistics.setCopraV((int) panel.number("COPRA v"));
            statistics.setKlbIterations((int) panel.number("Kernighan-Lin passes"));
            statistics.setSeed(panel.number("Seed"));
        }
        panel = null;
        statistics = null;
    }

    @Override public Class<? extends Statistics> getStatisticsClass() { return CommunityQuality.class; }

    @Override
    public String getValue() {
        if (statistics == null || statistics.getResults() == null) return "";
        return String.format(Locale.ROOT, "%.3f", (Double) statistics.getResults().get("modularity_chen"));
    }

    @Override public String getDisplayName() { return "Overlapping modularity"; }

    @Override
    public String getShortDescription() {
        return "Modularity of an overlapping cover: Shen's unweighted and Chen's weighted (belonging coefficients), and Kernighan-Lin bisection (Mostafa & Mondal)";
    }

    @Override public String getCategory() { return StatisticsUI.CATEGORY_COMMUNITY_DETECTION; }
    @Override public int getPosition() { return 910; }
}
