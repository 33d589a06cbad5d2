package org.neuralgraph.metrics;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.DynamicOverlappingModularity;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;

/** Statistics panel entry for {@link DynamicOverlappingModularity} in the Dynamic category. */
@ServiceProvider(service = StatisticsUI.class)
public final class DynamicOverlappingModularityUI implements StatisticsUI {

    private static final String COVER = "Cover column";

    private SettingsPanel panel;
    private DynamicOverlappingModularity statistics;

    /** Registers {@link DynamicOverlappingModularity} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Overlapping modularity over time"; }
        @Override public Statistics getStatistics() { return new DynamicOverlappingModularity(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicOverlappingModularity.class; }
    }

    @Override
    public JPanel getSettingsPanel() {
        panel = new SettingsPanel("Overlapping modularity over time").choice(COVER, 16)
                .note("A partition (e.g. modularity_class) or each node's communities separated by | (e.g. 3|7);<br>"
                        + "a dynamic column is read in each window. Edges count as undirected.<br>" + DynamicPanels.WINDOW_NOTE);
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (DynamicOverlappingModularity) s;
        if (panel == null) return;
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel();
        String cover = statistics.getCoverColumn();
        if (gm != null) {
            cover = CoverColumns.choose(gm, cover, cover);
            panel.choices(COVER, CoverColumns.candidates(gm));
        }
        panel.set(COVER, cover);
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) statistics.setCoverColumn(panel.text(COVER));
        panel = null;
        statistics = null;
    }

    @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicOverlappingModularity.class; }
    @Override public String getValue() { return DynamicPanels.VALUE; }
    @Override public String getDisplayName() { return "Overlapping modularity"; }

    @Override
    public String getShortDescription() {
        return "Weighted and unweighted overlapping modularity of a cover column in each window of the timeline (Mostafa & Mondal)";
    }

    @Override public String getCategory() { return StatisticsUI.CATEGORY_DYNAMIC; }
    @Override public int getPosition() { return 930; }
}
