package org.neuralgraph.metrics;

import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.neuralgraph.gephi.SmallWorldCoefficients;
import org.neuralgraph.gephi.SmallWorldParameters;
import org.openide.util.lookup.ServiceProvider;

import java.util.Locale;

/** Statistics panel entry for {@link SmallWorldCoefficients}. */
@ServiceProvider(service = StatisticsUI.class)
public final class SmallWorldUI extends SmallWorldEntry {

    private SmallWorldCoefficients statistics;

    /** Registers {@link SmallWorldCoefficients} with Gephi. */
    @ServiceProvider(service = StatisticsBuilder.class)
    public static final class Builder implements StatisticsBuilder {
        @Override public String getName() { return "Small-world coefficients"; }
        @Override public Statistics getStatistics() { return new SmallWorldCoefficients(); }
        @Override public Class<? extends Statistics> getStatisticsClass() { return SmallWorldCoefficients.class; }
    }

    @Override
    SmallWorldParameters attach(Statistics s) {
        statistics = (SmallWorldCoefficients) s;
        return statistics.getParameters();
    }

    @Override String note() { return "sigma and omega as networkx 2.8 defines them, on the largest component."; }
    @Override public Class<? extends Statistics> getStatisticsClass() { return SmallWorldCoefficients.class; }

    /**
     * sigma only: beside the name, a row as wide as Gephi's widest ("Avg. Clustering Coefficient 0.618"); a wider one
     * widens the Statistics panel and pushes the Run buttons out of view. omega is in the report.
     */
    @Override
    public String getValue() {
        if (statistics == null || statistics.getResult() == null) return "";
        return String.format(Locale.ROOT, "\u03c3 %.2f", statistics.getResult().sigma);
    }

    @Override public String getDisplayName() { return "Small-world coefficients"; }
    @Override public String getShortDescription() { return "sigma and omega against random and lattice references (Darnell & Leonard, Fig. 8)"; }
    @Override public String getCategory() { return StatisticsUI.CATEGORY_NETWORK_OVERVIEW; }
    @Override public int getPosition() { return 910; }
}
