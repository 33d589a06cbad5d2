package org.neuralgraph.metrics;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.gephi.DynamicCommunityTracking;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Statistics panel entry for {@link DynamicCommunityTracking} in the Dynamic category. */
@ServiceProvider(service = StatisticsUI.class)
public final class DynamicCommunityTrackingUI implements StatisticsUI {

    static final String PARTITION = "Partition column";
    static final String THETA = "Jaccard threshold";

    private SettingsPanel panel;
    private DynamicCommunityTracking statistics;

    /** Registers {@link DynamicCommunityTracking} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Community tracking over time"; }
        @Override public Statistics getStatistics() { return new DynamicCommunityTracking(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicCommunityTracking.class; }
    }

    @Override
    public JPanel getSettingsPanel() {
        panel = new SettingsPanel("Community tracking over time").choice(PARTITION, 16).field(THETA, 6)
                .note("A partition per window, e.g. a dynamic modularity_class (one Louvain per checkpoint);<br>"
                        + "writes the dynamic column community (Greene et al. 2010, threshold 0.3).<br>" + DynamicPanels.WINDOW_NOTE);
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (DynamicCommunityTracking) s;
        if (panel == null) return;
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel();
        String partition = statistics.getPartitionColumn();
        if (gm != null) {
            partition = CoverColumns.choose(gm, partition, partition);
            List<String> candidates = new ArrayList<>(CoverColumns.candidates(gm));
            candidates.remove(Names.COMMUNITY);
            panel.choices(PARTITION, candidates);
        }
        panel.set(PARTITION, partition);
        panel.set(THETA, String.format(Locale.ROOT, "%s", statistics.getTheta()));
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) {
            statistics.setPartitionColumn(panel.text(PARTITION));
            try {
                statistics.setTheta(Double.parseDouble(panel.text(THETA).trim()));
            } catch (IllegalArgumentException e) {
                // not a number or out of [0, 1): the statistic keeps its threshold, which the report states
            }
        }
        panel = null;
        statistics = null;
    }

    @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicCommunityTracking.class; }
    @Override public String getValue() { return DynamicPanels.VALUE; }
    @Override public String getDisplayName() { return "Community tracking"; }

    @Override
    public String getShortDescription() {
        return "Communities of a partition column followed over the windows of the timeline: persistent ids, splits, merges, births, deaths";
    }

    @Override public String getCategory() { return StatisticsUI.CATEGORY_DYNAMIC; }
    @Override public int getPosition() { return 940; }
}
