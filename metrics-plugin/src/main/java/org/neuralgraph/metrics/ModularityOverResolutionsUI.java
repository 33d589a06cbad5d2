package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.ModularityOverResolutions;
import org.neuralgraph.gephi.ModularitySweep;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;
import java.util.Locale;

/** The Statistics panel entry and settings of {@link ModularityOverResolutions}. */
@ServiceProvider(service = StatisticsUI.class)
public final class ModularityOverResolutionsUI implements StatisticsUI {

    private ResolutionsPanel panel;
    private ModularityOverResolutions statistics;

    @Override
    public JPanel getSettingsPanel() {
        panel = new ResolutionsPanel();
        return panel;
    }

    @Override
    public void setup(Statistics s) {
        statistics = (ModularityOverResolutions) s;
        if (panel != null) {
            panel.setResolutions(statistics.getResolutions());
            panel.setKeepResolution(statistics.getKeepResolution());
        }
    }

    @Override
    public void unsetup() {
        if (panel != null && statistics != null) {
            statistics.setResolutions(panel.getResolutions());
            statistics.setKeepResolution(panel.getKeepResolution());
        }
        panel = null;
        statistics = null;
    }

    @Override
    public Class<? extends Statistics> getStatisticsClass() {
        return ModularityOverResolutions.class;
    }

    /** Shown beside the entry after a run, short as Gephi's Modularity: the modularity at the kept resolution, 2 decimals (the name is long). */
    @Override
    public String getValue() {
        if (statistics == null || statistics.getResults() == null) return "";
        // as Gephi's Modularity: the modularity of the communities left in modularity_class (the report has every resolution)
        for (ModularitySweep.Result r : statistics.getResults()) {
            if (Math.abs(r.resolution() - statistics.getKeepResolution()) < 1e-9) return String.format(Locale.ROOT, "%.2f", r.modularity());
        }
        return "";
    }

    @Override
    public String getDisplayName() {
        return "Modularity over resolutions";
    }

    @Override
    public String getShortDescription() {
        return "Louvain modularity and community count at a range of resolutions (neural-network weight graphs, Fig. 2 of Darnell & Leonard)";
    }

    @Override
    public String getCategory() {
        return StatisticsUI.CATEGORY_COMMUNITY_DETECTION;
    }

    @Override
    public int getPosition() {
        return 900;
    }
}
