package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.neuralgraph.core.stats.CoverModularities;
import org.neuralgraph.core.stats.OverlappingModularity;
import org.neuralgraph.core.stats.PartitionModularity;

import java.util.ArrayList;

/**
 * The community quality of Mostafa and Mondal (Section 3.2) over the timeline: for the cover in a node column, Chen et al.'s
 * weighted overlapping modularity (Eq. 4), Shen et al.'s unweighted one (Eq. 3) and Newman's modularity (Eq. 2) of
 * the strongest-belonging partition in each window, as {@link CommunityQuality} computes them on one graph. The cover
 * column may be static or dynamic (e.g. a community per checkpoint); a dynamic one is read over the window as
 * {@link GraphArrays#cover(Column, Interval, java.util.List)} says. The Kernighan-Lin bisection and the COPRA detection
 * of the static statistic are not repeated per window.
 */
public final class DynamicOverlappingModularity extends WindowedStatistic {

    private String coverColumn = Names.MODULARITY_CLASS;
    private Column column;

    public DynamicOverlappingModularity() {
        super("Overlapping modularity",
                new String[]{"dynamic_modularity_chen", "dynamic_modularity_shen", "dynamic_modularity_no_overlap"},
                new String[]{"weighted overlapping (Eq. 4)", "unweighted overlapping (Eq. 3)", "no overlap (Eq. 2)"});
    }

    public String getCoverColumn() { return coverColumn; }
    public void setCoverColumn(String coverColumn) { this.coverColumn = coverColumn; }

    @Override
    protected void prepare(GraphModel gm) {
        if (coverColumn == null || coverColumn.trim().isEmpty()) throw new IllegalArgumentException("Name the node column that holds the cover.");
        column = GraphArrays.coverColumn(gm, coverColumn.trim());
    }

    @Override
    protected double[] measure(Graph window, Interval interval) {
        GraphArrays a = GraphArrays.of(window, interval);
        int[][] cover = a.cover(column, interval, new ArrayList<>());
        int[] strongest = CoverModularities.strongestCommunity(cover, OverlappingModularity.belonging(a.weights, cover));
        return new double[]{OverlappingModularity.chen(a.weights, cover), OverlappingModularity.shen(a.weights, cover),
                PartitionModularity.of(a.weights, strongest, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT)};
    }

    @Override
    protected String parameters() {
        return "cover column <i>" + coverColumn + "</i>" + (column != null && column.isDynamic() ? " (dynamic: read in each window)" : " (static)");
    }

    @Override
    protected String computed() {
        return CommunityQuality.COMPUTED;
    }

    @Override
    protected String reference() {
        return CommunityQuality.REFERENCE;
    }
}
