package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.DynamicSmallWorld;
import org.neuralgraph.gephi.SmallWorldParameters;
import org.openide.util.lookup.ServiceProvider;

/**
 * Statistics panel entry for {@link DynamicSmallWorld} in the Dynamic category. Gephi adds its own window and tick
 * settings under this panel, as it does for every dynamic statistic.
 */
@ServiceProvider(service = StatisticsUI.class)
public final class DynamicSmallWorldUI extends SmallWorldEntry {

    private DynamicSmallWorld statistics;

    /** Registers {@link DynamicSmallWorld} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Small-world coefficients over time"; }
        @Override public Statistics getStatistics() { return new DynamicSmallWorld(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicSmallWorld.class; }
    }

    @Override
    SmallWorldParameters attach(Statistics s) {
        statistics = (DynamicSmallWorld) s;
        return statistics.getParameters();
    }

    @Override String note() { return "sigma and omega of each window, with the same seed in every window.<br>" + DynamicPanels.WINDOW_NOTE; }
    @Override public Class<? extends Statistics> getStatisticsClass() { return DynamicSmallWorld.class; }
    @Override public String getValue() { return DynamicPanels.VALUE; }
    @Override public String getDisplayName() { return "Small-world coefficients"; }
    @Override public String getShortDescription() { return "sigma, omega, C/Cr and L/Lr of each window of the timeline (Darnell & Leonard, Fig. 8)"; }
    @Override public String getCategory() { return StatisticsUI.CATEGORY_DYNAMIC; }
    @Override public int getPosition() { return 910; }
}
