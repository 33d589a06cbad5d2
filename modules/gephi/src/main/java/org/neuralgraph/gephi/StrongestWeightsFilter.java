package org.neuralgraph.gephi;

import org.gephi.filters.spi.EdgeFilter;
import org.gephi.filters.spi.FilterProperty;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;

import java.util.Collections;
import java.util.Set;

/**
 * Gephi filter: only the {@link StrongestWeights} of each layer, {@link #getPercent} % of the edges into each layer,
 * those of largest |w|. It is how a large weight graph opens in Gephi (a readable first view of the strongest
 * connections) and a filter like any other: the Filters panel shows it, its percent can be changed, and removing it
 * shows every edge again.
 */
public final class StrongestWeightsFilter implements EdgeFilter {

    /** What the filter is called in the Filters panel. */
    public static final String NAME = "Strongest weights per layer";

    private double percent;
    private Set<Edge> kept = Collections.emptySet();

    public StrongestWeightsFilter() {
        this(2);
    }

    public StrongestWeightsFilter(double percent) {
        setPercent(percent);
    }

    /** Boxed, as Gephi's filter properties read and write it by reflection. */
    public Double getPercent() { return percent; }

    public void setPercent(Double percent) {
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        this.percent = percent;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public FilterProperty[] getProperties() {
        try {
            return new FilterProperty[]{FilterProperty.createProperty(this, Double.class, "percent")};
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean init(Graph graph) {
        kept = graph.getEdgeCount() == 0 ? Collections.emptySet() : StrongestWeights.of(graph, percent / 100);
        return true;
    }

    @Override
    public boolean evaluate(Graph graph, Edge edge) {
        return kept.contains(edge);
    }

    @Override
    public void finish() {
        kept = Collections.emptySet();
    }
}
