package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.neuralgraph.gephi.ModularityOverResolutions;
import org.openide.util.lookup.ServiceProvider;

/** Registers {@link ModularityOverResolutions} with Gephi's statistics. */
@ServiceProvider(service = StatisticsBuilder.class)
public final class ModularityOverResolutionsBuilder implements StatisticsBuilder {

    @Override
    public String getName() {
        return "Modularity over resolutions";
    }

    @Override
    public Statistics getStatistics() {
        return new ModularityOverResolutions();
    }

    @Override
    public Class<? extends Statistics> getStatisticsClass() {
        return ModularityOverResolutions.class;
    }
}
