package org.neuralgraph.core.mapper;

import org.neuralgraph.core.cycles.GraphCycles;
import org.neuralgraph.core.graph.NeuralGraph;

/**
 * A Mapper graph with the arrays behind it, for callers and tests that need more than the graph's columns. Node i of
 * the arrays is node i of {@link #graph()}. Point indices are rows of the array given to {@link MapperGraph}: for
 * {@link MapperGraph#ofFilters} the rows of the original filter array, of which only {@link #points()} entered the Mapper.
 */
public final class MapperResult {

    private final NeuralGraph graph;
    private final int[][] members;
    private final double[][] means;
    private final int[] elements;
    private final int[] points;
    private final double[][] lens;
    private final int components;
    private final int cycleRank;
    private final int[] cycleBasisLengths;
    private final int betti1;
    private final LensCircle lensCircle;

    MapperResult(NeuralGraph graph, int[][] members, double[][] means, int[] elements, int[] points, double[][] lens,
                 int components, int cycleRank, int[] cycleBasisLengths, int betti1, LensCircle lensCircle) {
        this.graph = graph;
        this.members = members;
        this.means = means;
        this.elements = elements;
        this.points = points;
        this.lens = lens;
        this.components = components;
        this.cycleRank = cycleRank;
        this.cycleBasisLengths = cycleBasisLengths;
        this.betti1 = betti1;
        this.lensCircle = lensCircle;
    }

    /**
     * The points around the centre of a 2-D lens against their gradient direction ({@link LensCircle}); null unless
     * the lens is 2-D and the points are square images (filters).
     */
    public LensCircle lensCircle() { return lensCircle; }

    public NeuralGraph graph() { return graph; }

    /** Number of nodes (clusters). */
    public int nodeCount() { return members.length; }

    /** The points of node i's cluster, ascending row indices. */
    public int[] members(int node) { return members[node].clone(); }

    /** The mean of node i's points (as given to the Mapper: standardised filters for {@code ofFilters}). */
    public double[] mean(int node) { return means[node].clone(); }

    /** The cover element node i's cluster lies in (numbered as in {@link Cover}). */
    public int element(int node) { return elements[node]; }

    /** The rows that entered the Mapper, ascending (all rows for {@link MapperGraph#build}). */
    public int[] points() { return points.clone(); }

    /** The lens values of those rows, in the same order, {@code double[points().length][dims]}. */
    public double[][] lens() {
        double[][] copy = new double[lens.length][];
        for (int i = 0; i < lens.length; i++) copy[i] = lens[i].clone();
        return copy;
    }

    public int components() { return components; }

    /** edges - nodes + components. */
    public int cycleRank() { return cycleRank; }

    /**
     * The sorted cycle lengths of a minimum cycle basis ({@link GraphCycles}), or null when it was not computed (cycle
     * rank above {@link MapperGraph#MAX_BASIS_RANK}).
     */
    public int[] cycleBasisLengths() { return cycleBasisLengths == null ? null : cycleBasisLengths.clone(); }

    /** The longest cycle of a minimum cycle basis, 0 for a forest, -1 when the basis was not computed. */
    public int largestCycle() {
        if (cycleBasisLengths == null) return -1;
        return cycleBasisLengths.length == 0 ? 0 : cycleBasisLengths[cycleBasisLengths.length - 1];
    }

    /**
     * First Betti number of the Mapper's nerve (edges filled by the triangles of clusters sharing a point), -1 when not
     * computed ({@link MapperGraph#MAX_TRIANGLE_INCIDENCES}).
     */
    public int betti1() { return betti1; }
}
